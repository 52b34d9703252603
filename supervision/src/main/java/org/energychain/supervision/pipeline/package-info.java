/**
 * The group data centre's work end to end: the ingest of one period (read, validate, build the daily,
 * period and group trees, classify, store, package D2), proofs built from the off-chain store, and the
 * audit that re-hashes a store against its roots.
 */
package org.energychain.supervision.pipeline;
