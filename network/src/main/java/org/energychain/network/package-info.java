/**
 * The consortium network (paper premise: no single party holds the only copy). Each chain a node hosts
 * with other nodes is one Apache Ratis Raft group; one Ratis server per node hosts all of them, over gRPC
 * with mutual TLS and the peers' certificates pinned in the genesis. Raft orders; it is not trusted to
 * execute: the leader proposes an executed, signed block, every node re-validates and re-executes it
 * before importing it, and validators sign what they executed; more than two thirds of the voting power
 * makes a finality certificate. Everything here sits behind the ledger's {@code Orderer} seam and the
 * {@code Chain}'s propose/validate/import roles; nothing above the ledger changes.
 */
package org.energychain.network;
