/**
 * Synthetic energy groups for demos, tests and load tests: {@link
 * org.energychain.supervision.generate.SyntheticGroupGenerator} writes a group file, a mapping file and
 * one CSV of realistic 15-minute readings per plant, deterministically from a seed.
 */
package org.energychain.supervision.generate;
