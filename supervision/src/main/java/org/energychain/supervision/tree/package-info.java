/**
 * The paper's hash trees (paper II.A, equations 1 and 2) on RFC 9162 Merkle trees: a daily tree per
 * plant-day with one salted leaf per reading, a period tree per plant (Hash^j) and the group tree over
 * plants (Hash_G). Every leaf binds its context so no root can be replayed elsewhere. See
 * docs/encoding.md.
 */
package org.energychain.supervision.tree;
