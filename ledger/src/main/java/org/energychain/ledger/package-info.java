/**
 * The ledger, domain-free: a chain on a node (propose, validate, import through three roles) and its
 * health. The packages below hold the blocks, transactions, contracts SPI, execution, mempool, ordering,
 * state and store; nothing here knows of energy, HTTP or files of configuration. See docs/ledger.md.
 */
package org.energychain.ledger;
