package org.energychain.ledger.genesis;

import java.util.Map;

/**
 * The roles a domain module declares: what a member may be on a chain (its contracts grant methods to
 * these roles). The ledger knows no roles of its own; a node learns them from the catalogues on its
 * class path, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.energychain.ledger.genesis.RoleCatalog}, as it finds contracts. A role is
 * declared by exactly one module ({@link Roles#of} refuses one declared twice).
 */
public interface RoleCatalog {
    /** Role code ({@link Roles#FORM}) to a one-line description of who holds it. */
    Map<String, String> roles();
}
