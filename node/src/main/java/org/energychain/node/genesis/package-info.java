/**
 * Genesis files (YAML) and organisation keys on disk, and the default network of DESIGN.md: business
 * chains per group, regulatory, trading and dispatch.
 */
package org.energychain.node.genesis;
