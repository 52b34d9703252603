package org.energychain.ledger.genesis;

import java.util.Objects;
import java.util.Set;
import org.energychain.crypto.sign.PublicKey;

/**
 * A member organisation of a chain: its id, its roles and the public key its transactions are signed
 * with. Roles are codes the domain modules declare ({@link RoleCatalog}); here only their form is checked.
 */
public record Member(String id, Set<String> roles, PublicKey key) {
    public Member {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("member id '" + id + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        roles = Set.copyOf(roles);
        for (String r : roles) {
            try {
                Roles.requireForm(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("member " + id + ": " + e.getMessage(), e);
            }
        }
        Objects.requireNonNull(key, "key");
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
