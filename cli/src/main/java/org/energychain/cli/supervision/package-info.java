/**
 * Commands for energy data integrity (paper II.A): generating, ingesting, proving and verifying readings,
 * destruction records, and the supervision flow on the business and regulatory chains.
 */
package org.energychain.cli.supervision;
