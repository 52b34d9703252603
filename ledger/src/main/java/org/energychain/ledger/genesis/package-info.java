/**
 * What defines a chain and never changes: its genesis (id, crypto suite, privacy, members with keys and
 * roles, nodes and validators with voting power, contracts, limits). Roles are strings the domain modules
 * declare; the ledger checks only their form. See docs/ledger.md.
 */
package org.energychain.ledger.genesis;
