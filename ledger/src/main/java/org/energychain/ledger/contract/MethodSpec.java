package org.energychain.ledger.contract;

import java.util.Set;
import org.energychain.ledger.genesis.Roles;

/**
 * How a contract method may be called: as a transaction (submit: changes state, goes into a block) or
 * as a query (read-only, never in a block), and by which roles (empty: any member). Roles are the codes
 * domain modules declare ({@link org.energychain.ledger.genesis.RoleCatalog}).
 */
public record MethodSpec(Kind kind, Set<String> roles) {
    public enum Kind { SUBMIT, QUERY }

    public MethodSpec {
        roles = Set.copyOf(roles);
        roles.forEach(Roles::requireForm);
    }

    public static MethodSpec submit(String... roles) {
        return new MethodSpec(Kind.SUBMIT, Set.of(roles));
    }

    public static MethodSpec query(String... roles) {
        return new MethodSpec(Kind.QUERY, Set.of(roles));
    }

    /** Whether a member with {@code memberRoles} may call this method. */
    public boolean allows(Set<String> memberRoles) {
        if (roles.isEmpty()) {
            return true;
        }
        for (String r : memberRoles) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }
}
