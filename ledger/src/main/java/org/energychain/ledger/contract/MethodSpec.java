package org.energychain.ledger.contract;

import java.util.EnumSet;
import java.util.Set;
import org.energychain.ledger.genesis.Role;

/**
 * How a contract method may be called: as a transaction (submit: changes state, goes into a block) or
 * as a query (read-only, never in a block), and by which roles (empty: any member).
 */
public record MethodSpec(Kind kind, Set<Role> roles) {
    public enum Kind { SUBMIT, QUERY }

    public MethodSpec {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static MethodSpec submit(Role... roles) {
        return new MethodSpec(Kind.SUBMIT, Set.of(roles));
    }

    public static MethodSpec query(Role... roles) {
        return new MethodSpec(Kind.QUERY, Set.of(roles));
    }

    /** Whether a member with {@code memberRoles} may call this method. */
    public boolean allows(Set<Role> memberRoles) {
        if (roles.isEmpty()) {
            return true;
        }
        for (Role r : memberRoles) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
