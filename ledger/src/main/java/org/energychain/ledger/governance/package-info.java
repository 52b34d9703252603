/**
 * Who runs a chain after its genesis: the roster of nodes and validators valid at each height, and the
 * {@code validators} contract through which the validators change it by a vote of more than two thirds of
 * their power. Everything that checks a block, a vote or a certificate asks the roster of that height.
 */
package org.energychain.ledger.governance;
