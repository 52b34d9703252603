package org.energychain.ledger.genesis;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Roles are strings to the ledger: it checks only their form ({@link #requireForm}). Which roles exist
 * is what the loaded domain modules declare ({@link RoleCatalog}); an instance is that set, and is what
 * genesis input (files, the command line) is checked against, so that a genesis names only roles some
 * contract can grant.
 */
public final class Roles {
    /** The form of a role code: a lower-case letter, then up to 31 of a-z 0-9 and '-'. */
    public static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final SortedMap<String, String> declared;

    private Roles(SortedMap<String, String> declared) {
        this.declared = Collections.unmodifiableSortedMap(declared);
    }

    /**
     * {@code role} if it has the form of a role code.
     *
     * @throws IllegalArgumentException naming the role otherwise
     */
    public static String requireForm(String role) {
        Objects.requireNonNull(role, "role");
        if (!FORM.matcher(role).matches()) {
            throw new IllegalArgumentException("role '" + role + "' must be a lower-case letter followed by up to 31"
                    + " of a-z 0-9 -");
        }
        return role;
    }

    /** The roles declared by the catalogues on the class path ({@code META-INF/services}). */
    public static Roles discovered() {
        return of(ServiceLoader.load(RoleCatalog.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /**
     * The roles the given catalogues declare.
     *
     * @throws IllegalArgumentException if a role is malformed or declared by two catalogues
     */
    public static Roles of(List<? extends RoleCatalog> catalogs) {
        SortedMap<String, String> roles = new TreeMap<>();
        Map<String, String> by = new TreeMap<>();
        for (RoleCatalog c : catalogs) {
            String source = c.getClass().getName();
            c.roles().forEach((code, description) -> {
                requireForm(code);
                String first = by.putIfAbsent(code, source);
                if (first != null) {
                    throw new IllegalArgumentException("role '" + code + "' is declared twice: by " + first + " and by "
                            + source);
                }
                roles.put(code, Objects.requireNonNull(description, "description of role " + code));
            });
        }
        return new Roles(roles);
    }

    /** Every declared role, by code, with its description. */
    public SortedMap<String, String> declared() {
        return declared;
    }

    /**
     * The declared role written as {@code text} (case and surrounding blanks do not matter, as in genesis
     * files and on the command line).
     *
     * @throws IllegalArgumentException naming the role and the declared ones if none is declared so
     */
    public String require(String text) {
        String code = text.trim().toLowerCase(Locale.ROOT);
        if (!declared.containsKey(code)) {
            throw new IllegalArgumentException("unknown role '" + text + "' (known: "
                    + (declared.isEmpty() ? "none; no module on the class path declares roles"
                            : String.join(", ", declared.keySet())) + ")");
        }
        return code;
    }
}
