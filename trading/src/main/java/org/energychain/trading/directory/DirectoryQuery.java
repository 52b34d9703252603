package org.energychain.trading.directory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.trading.catalog.Listing;

/**
 * A directory search as a buyer asks it (REST query string or CLI options): a path of up to five
 * levels, each a value or {@code *} (fewer levels: everything below), a generation-time window, the
 * mathematical type, a price range, an order, a page size and the cursor of the previous page.
 *
 * <p>Null fields do not filter. {@code from}/{@code to} select listings whose range {@code [from, to)}
 * overlaps the window {@code [from, to)}; prices are inclusive bounds in minor units.
 */
public record DirectoryQuery(List<String> path, Instant from, Instant to, String mathType, Long minPrice,
        Long maxPrice, Sort sort, int limit, Cursor cursor) {
    public static final String WILDCARD = "*";
    public static final int LEVELS = 5;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    private static final Set<String> PARAMS = Set.of("path", "from", "to", "mathType", "minPrice", "maxPrice", "sort",
            "limit", "cursor");

    /**
     * Orders of a result. Ties are broken by listing id; a descending order is the exact reverse of its
     * ascending one (so ties come by id descending too).
     */
    public enum Sort {
        ID("id"), PRICE("price"), PRICE_DESC("-price"), FROM("from"), FROM_DESC("-from");

        private final String param;

        Sort(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        public boolean descending() {
            return this == PRICE_DESC || this == FROM_DESC;
        }

        /** The numeric sort key of a listing (0 for {@link #ID}, which sorts by id alone). */
        public long key(Listing l) {
            return switch (this) {
                case ID -> 0;
                case PRICE, PRICE_DESC -> l.price();
                case FROM, FROM_DESC -> l.from().toEpochMilli();
            };
        }

        /** Compares two (key, id) positions in this order. */
        public int compare(long keyA, String idA, long keyB, String idB) {
            int c = Long.compare(keyA, keyB);
            if (c == 0) {
                c = idA.compareTo(idB);
            }
            return descending() ? -c : c;
        }

        public static Sort of(String param) {
            for (Sort s : values()) {
                if (s.param.equals(param)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("sort '" + param + "' is invalid: expected one of id, price, -price, from, -from");
        }
    }

    /**
     * Where a page ended: the order and the (key, id) of its last entry. The next page starts strictly
     * after it, so listings added or removed meanwhile neither repeat nor push others out of the walk.
     * Token: unpadded base64url of tag {@code EC/dir-cursor/v1}, string sort, i64 key, string id.
     */
    public record Cursor(Sort sort, long key, String id) {
        private static final String TAG = "EC/dir-cursor/v1";

        public Cursor {
            if (sort == null || id == null) {
                throw new IllegalArgumentException("cursor needs a sort and an id");
            }
        }

        public String token() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    new CanonicalWriter(64).tag(TAG).string(sort.param()).i64(key).string(id).toByteArray());
        }

        public static Cursor parse(String token) {
            try {
                CanonicalReader r = new CanonicalReader(Base64.getUrlDecoder().decode(token)).expectTag(TAG);
                Cursor c = new Cursor(Sort.of(r.string("sort")), r.i64("key"), r.string("id"));
                r.end();
                return c;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cursor '" + token + "' is invalid: not a token from a previous page ("
                        + e.getMessage() + ")", e);
            }
        }
    }

    public DirectoryQuery {
        path = List.copyOf(path == null ? List.of() : path);
        if (path.size() > LEVELS) {
            throw new IllegalArgumentException("path '" + String.join("/", path) + "' is invalid: at most " + LEVELS
                    + " levels (energy type/data type/region/group/unit)");
        }
        for (String p : path) {
            if (!WILDCARD.equals(p) && !Listing.LEVEL.matcher(p).matches()) {
                throw new IllegalArgumentException("path segment '" + p + "' is invalid: expected '*' or 1-64 characters"
                        + " of A-Z a-z 0-9 . _ -");
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from/to '" + from + ".." + to + "' is invalid: from must be before to");
        }
        if (mathType != null && !Listing.LEVEL.matcher(mathType).matches()) {
            throw new IllegalArgumentException("mathType '" + mathType + "' is invalid: expected 1-64 characters of A-Z a-z 0-9 . _ -");
        }
        if (minPrice != null && minPrice < 0) {
            throw new IllegalArgumentException("minPrice '" + minPrice + "' is invalid: expected zero or more");
        }
        if (maxPrice != null && maxPrice < 0) {
            throw new IllegalArgumentException("maxPrice '" + maxPrice + "' is invalid: expected zero or more");
        }
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new IllegalArgumentException("minPrice/maxPrice '" + minPrice + ".." + maxPrice
                    + "' is invalid: minPrice must not exceed maxPrice");
        }
        sort = sort == null ? Sort.ID : sort;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit '" + limit + "' is invalid: expected 1.." + MAX_LIMIT);
        }
        if (cursor != null && cursor.sort() != sort) {
            throw new IllegalArgumentException("cursor is invalid: it continues a query sorted by " + cursor.sort().param()
                    + ", this one is sorted by " + sort.param());
        }
    }

    /** Everything, by id, one default page. */
    public static DirectoryQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same query continued at {@code next} (a page's {@link DirectoryPage#nextCursor()}). */
    public DirectoryQuery after(String next) {
        return new DirectoryQuery(path, from, to, mathType, minPrice, maxPrice, sort, limit,
                next == null ? null : Cursor.parse(next));
    }

    /** The path as written, e.g. <code>wind/&#42;/North</code>. */
    public String pathString() {
        return String.join("/", path);
    }

    /**
     * Reads a query from text parameters (REST query string, CLI options): {@code path, from, to,
     * mathType, minPrice, maxPrice, sort, limit, cursor}. An unknown name or a bad value is an
     * {@link IllegalArgumentException} naming the parameter.
     */
    public static DirectoryQuery parse(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "': expected one of path, from, to,"
                        + " mathType, minPrice, maxPrice, sort, limit, cursor");
            }
        }
        Builder b = builder();
        String path = params.get("path");
        if (path != null && !path.isEmpty()) {
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            b.path(Arrays.asList(trimmed.split("/", -1)));
        }
        b.from(instant(params, "from"));
        b.to(instant(params, "to"));
        b.mathType(params.get("mathType"));
        b.minPrice(number(params, "minPrice"));
        b.maxPrice(number(params, "maxPrice"));
        if (params.get("sort") != null) {
            b.sort(Sort.of(params.get("sort")));
        }
        Long limit = number(params, "limit");
        if (limit != null) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit '" + limit + "' is invalid: expected 1.." + MAX_LIMIT);
            }
            b.limit(limit.intValue());
        }
        if (params.get("cursor") != null) {
            b.cursor(Cursor.parse(params.get("cursor")));
        }
        return b.build();
    }

    private static Instant instant(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        try {
            Instant t = Instant.parse(v);
            if (t.getNano() % 1_000_000 != 0) {
                throw new IllegalArgumentException(name + " '" + v + "' is invalid: at most millisecond precision");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is invalid: expected an ISO-8601 instant such as"
                    + " 2026-01-01T00:00:00Z", e);
        }
    }

    private static Long number(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is invalid: expected a whole number", e);
        }
    }

    /** Builds a query field by field; unset fields do not filter. */
    public static final class Builder {
        private List<String> path = new ArrayList<>();
        private Instant from;
        private Instant to;
        private String mathType;
        private Long minPrice;
        private Long maxPrice;
        private Sort sort = Sort.ID;
        private int limit = DEFAULT_LIMIT;
        private Cursor cursor;

        public Builder path(List<String> segments) {
            this.path = new ArrayList<>(segments);
            return this;
        }

        /** A path written with '/' separators, e.g. <code>wind/&#42;/North</code>. */
        public Builder path(String path) {
            return path(path.isEmpty() ? List.of() : Arrays.asList(path.split("/", -1)));
        }

        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        public Builder mathType(String mathType) {
            this.mathType = mathType;
            return this;
        }

        public Builder minPrice(Long minPrice) {
            this.minPrice = minPrice;
            return this;
        }

        public Builder maxPrice(Long maxPrice) {
            this.maxPrice = maxPrice;
            return this;
        }

        public Builder sort(Sort sort) {
            this.sort = sort;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder cursor(Cursor cursor) {
            this.cursor = cursor;
            return this;
        }

        public DirectoryQuery build() {
            return new DirectoryQuery(path, from, to, mathType, minPrice, maxPrice, sort, limit, cursor);
        }
    }
}
