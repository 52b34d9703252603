package org.energychain.ledger.genesis;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.energychain.crypto.sign.PublicKey;

/** A member organisation of a chain: its id, its roles and the public key its transactions are signed with. */
public record Member(String id, Set<Role> roles, PublicKey key) {
    public Member {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("member id '" + id + "' must be 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Objects.requireNonNull(key, "key");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
