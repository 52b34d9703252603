/**
 * The demo: the whole flow of the paper on an embedded store, then on a consortium network of one process
 * per organisation.
 */
package org.energychain.cli.demo;
