/**
 * The canonical binary encoding of everything we hash or sign: one byte string per value, so that two
 * nodes always compute the same hash of the same data.
 */
package org.energychain.crypto.encoding;
