/**
 * How transactions become blocks: admission (the stateless checks before the mempool), execution of a
 * block's transactions on overlays, validation of a block another node proposed, nonces, and the answers
 * a submitter gets (submission, rejection, receipt).
 */
package org.energychain.ledger.exec;
