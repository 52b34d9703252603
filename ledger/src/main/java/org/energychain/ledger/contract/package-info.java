/**
 * The contract SPI: deterministic, stateless contracts that read and write state only through their
 * context, declare each method as submit or query with the roles allowed to call it, and refuse a call
 * with a coded ContractException that is recorded in the block. See docs/contracts.md.
 */
package org.energychain.ledger.contract;
