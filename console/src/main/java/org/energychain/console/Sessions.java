package org.energychain.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's logged-in sessions: a random id (the HttpOnly cookie) and a random CSRF token each, ended
 * after {@code idle} without a request on the injected {@link Clock}. At most {@code max} sessions are
 * kept; beyond that the least recently used one is ended, so that logging in again and again cannot fill
 * the memory. Tokens are compared in constant time.
 */
final class Sessions {
    /** One session: its CSRF token and when it was last used. */
    record Session(String id, String csrf, Instant lastUsed) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final int max;
    private final LinkedHashMap<String, Session> byId = new LinkedHashMap<>(16, 0.75f, true);

    Sessions(Clock clock, Duration idle, int max) {
        this.clock = clock;
        this.idle = idle;
        this.max = max;
    }

    /** A new session (after a correct password). */
    synchronized Session open() {
        expire();
        while (byId.size() >= max) {
            Iterator<String> eldest = byId.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        Session s = new Session(token(), token(), clock.instant());
        byId.put(s.id(), s);
        return s;
    }

    /** The live session of cookie value {@code id}, its idle time restarted; empty when none. */
    synchronized Optional<Session> find(String id) {
        expire();
        Session s = byId.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Session used = new Session(s.id(), s.csrf(), clock.instant());
        byId.put(id, used);
        return Optional.of(used);
    }

    synchronized void close(String id) {
        byId.remove(id);
    }

    synchronized int size() {
        expire();
        return byId.size();
    }

    /** Whether {@code presented} is the session's CSRF token (constant time). */
    static boolean csrfMatches(Session s, String presented) {
        return MessageDigest.isEqual(s.csrf().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void expire() {
        Instant oldest = clock.instant().minus(idle);
        byId.values().removeIf(s -> s.lastUsed().isBefore(oldest));
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    /** The sessions, for tests. */
    synchronized Map<String, Session> snapshot() {
        return Map.copyOf(byId);
    }
}
