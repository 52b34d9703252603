package org.energychain.supervision.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.energychain.crypto.Snippet;
import org.energychain.supervision.reading.Measurement;

/**
 * The CSV mapping file ({@code mapping.yaml}) a {@link MappingConfig} is read from and written to: which
 * keys it has, their defaults, and an error naming the file and key for a wrong one. The record checks
 * the combination; this class only the file. See {@code docs/input-formats.md} for a commented example.
 */
final class MappingConfigFile {
    private MappingConfigFile() {
    }

    /**
     * Reads a mapping file.
     *
     * @throws InputException (kind {@link ProblemKind#CONFIG}) naming the file and the key that is wrong
     */
    static MappingConfig read(Path file) {
        YamlConfig y = YamlConfig.load(file);
        y.allowOnly(Set.of("format", "delimiter", "quote", "charset", "header", "skip-rows", "comment-prefix",
                "time", "plant", "numbers", "empty-cells", "wide", "long"));
        String format = y.string("format", "csv");
        if (!format.equalsIgnoreCase("csv")) {
            throw y.error("format", "only 'csv' has a mapping; JSON lines need none");
        }
        Character delimiter = y.character("delimiter", ',');
        if (delimiter == null) {
            throw y.error("delimiter", "must not be empty");
        }
        Character quote = y.character("quote", '"');
        Charset charset;
        try {
            charset = Charset.forName(y.string("charset", "UTF-8"));
        } catch (IllegalArgumentException e) {
            throw y.error("charset", "unknown charset '" + y.string("charset") + "'");
        }
        boolean header = y.bool("header", true);
        int skip = y.integer("skip-rows", 0, 0);
        String comment = y.string("comment-prefix", null);

        YamlConfig time = y.child("time");
        time.allowOnly(Set.of("column", "format", "zone"));
        MappingConfig.ColumnRef timeColumn = column(time, "column");
        String timeFormat = time.string("format", MappingConfig.ISO);
        ZoneId zone;
        try {
            zone = ZoneId.of(time.string("zone", "UTC"));
        } catch (DateTimeException e) {
            throw time.error("zone", "unknown time zone '" + time.string("zone") + "' (use e.g. UTC, Asia/Shanghai, +08:00)");
        }

        YamlConfig plant = y.child("plant");
        plant.allowOnly(Set.of("column", "fixed"));
        MappingConfig.ColumnRef plantColumn = plant.has("column") ? column(plant, "column") : null;
        String fixed = plant.string("fixed", null);

        char decimal = '.';
        Character thousands = null;
        if (y.has("numbers")) {
            YamlConfig n = y.child("numbers");
            n.allowOnly(Set.of("decimal-separator", "thousands-separator"));
            Character d = n.character("decimal-separator", '.');
            if (d == null) {
                throw n.error("decimal-separator", "must not be empty");
            }
            decimal = d;
            thousands = n.character("thousands-separator", null);
        }
        MappingConfig.EmptyCells empty;
        String e = y.string("empty-cells", "error");
        try {
            empty = MappingConfig.EmptyCells.valueOf(e.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw y.error("empty-cells", "must be skip or error, got '" + e + "'");
        }

        List<MappingConfig.ValueColumn> values = new ArrayList<>();
        if (y.has("wide")) {
            for (YamlConfig v : y.list("wide")) {
                v.allowOnly(Set.of("column", "measurement", "unit", "scale"));
                Measurement m = measurement(v, "measurement");
                MappingConfig.Scale scale = v.has("scale") ? scale(v) : MappingConfig.Scale.NONE;
                try {
                    values.add(new MappingConfig.ValueColumn(column(v, "column"), m, v.string("unit", m.unit()), scale));
                } catch (IllegalArgumentException ex) {
                    throw v.error("unit", ex.getMessage());
                }
            }
            if (values.isEmpty()) {
                throw y.error("wide", "must list at least one value column");
            }
        }
        MappingConfig.LongForm longForm = null;
        if (y.has("long")) {
            YamlConfig l = y.child("long");
            l.allowOnly(Set.of("measurement-column", "value-column", "unit-column"));
            longForm = new MappingConfig.LongForm(column(l, "measurement-column"), column(l, "value-column"),
                    l.has("unit-column") ? column(l, "unit-column") : null);
        }
        try {
            return new MappingConfig(delimiter, quote, charset, header, skip, comment, timeColumn, timeFormat, zone,
                    plantColumn, fixed, decimal, thousands, empty, values, longForm);
        } catch (IllegalArgumentException ex) {
            throw y.error(null, ex.getMessage());
        }
    }

    private static MappingConfig.ColumnRef column(YamlConfig y, String key) {
        JsonNode v = y.raw(key);
        if (v.isIntegralNumber()) {
            if (!v.canConvertToInt() || v.intValue() < 0) { // 4294967297 must not wrap around to column 1
                throw y.error(key, "column index must be a whole number from 0 to " + Integer.MAX_VALUE + ", got "
                        + Snippet.quote(v.asText()));
            }
            return MappingConfig.ColumnRef.at(v.intValue());
        }
        String s = y.string(key);
        if (s.isEmpty()) {
            throw y.error(key, "must not be empty");
        }
        return MappingConfig.ColumnRef.named(s);
    }

    private static MappingConfig.Scale scale(YamlConfig v) {
        if (!v.raw("scale").isObject()) {
            throw v.error("scale", "must be a mapping with factor, times or both, e.g. {factor: 0.001} or "
                    + "{times: capacity-kw}; got " + Snippet.quote(v.raw("scale").asText()));
        }
        YamlConfig s = v.child("scale");
        s.allowOnly(Set.of("factor", "times"));
        if (!s.has("factor") && !s.has("times")) {
            throw s.error(null, "give factor, times or both");
        }
        BigDecimal factor = BigDecimal.ONE;
        if (s.has("factor")) {
            factor = s.decimal("factor");
            if (factor.signum() <= 0) {
                throw s.error("factor", "must be positive, got " + Snippet.quote(s.string("factor")));
            }
        }
        boolean byCapacity = false;
        if (s.has("times")) {
            String t = s.string("times");
            if (!t.equals(MappingConfig.Scale.CAPACITY_KW)) {
                throw s.error("times", "must be " + MappingConfig.Scale.CAPACITY_KW + " (the plant's capacity-kw from the group "
                        + "file), got " + Snippet.quote(t));
            }
            byCapacity = true;
        }
        return new MappingConfig.Scale(factor, byCapacity);
    }

    private static Measurement measurement(YamlConfig y, String key) {
        try {
            return Measurement.byCode(y.string(key));
        } catch (IllegalArgumentException e) {
            throw y.error(key, e.getMessage());
        }
    }

    /** The mapping in the format {@link #read} reads. */
    static String write(MappingConfig m) {
        StringBuilder sb = new StringBuilder();
        sb.append("format: csv\n");
        sb.append("delimiter: ").append(yamlChar(m.delimiter())).append('\n');
        sb.append("quote: ").append(m.quote() == null ? "\"\"" : yamlChar(m.quote())).append('\n');
        sb.append("charset: ").append(m.charset().name()).append('\n');
        sb.append("header: ").append(m.header()).append('\n');
        sb.append("skip-rows: ").append(m.skipRows()).append('\n');
        if (m.commentPrefix() != null) {
            sb.append("comment-prefix: ").append(yamlString(m.commentPrefix())).append('\n');
        }
        sb.append("time:\n  column: ").append(yamlColumn(m.timeColumn())).append('\n');
        sb.append("  format: ").append(yamlString(m.timeFormat())).append('\n');
        sb.append("  zone: ").append(m.timeZone().getId()).append('\n');
        sb.append("plant:\n");
        if (m.plantColumn() != null) {
            sb.append("  column: ").append(yamlColumn(m.plantColumn())).append('\n');
        } else {
            sb.append("  fixed: ").append(yamlString(m.fixedPlant())).append('\n');
        }
        sb.append("numbers:\n  decimal-separator: ").append(yamlChar(m.decimalSeparator())).append('\n');
        sb.append("  thousands-separator: ").append(m.thousandsSeparator() == null ? "\"\"" : yamlChar(m.thousandsSeparator())).append('\n');
        sb.append("empty-cells: ").append(m.emptyCells().name().toLowerCase(Locale.ROOT)).append('\n');
        if (m.longForm() == null) {
            sb.append("wide:\n");
            for (MappingConfig.ValueColumn v : m.valueColumns()) {
                sb.append("  - column: ").append(yamlColumn(v.column())).append('\n');
                sb.append("    measurement: ").append(v.measurement().code()).append('\n');
                sb.append("    unit: ").append(yamlString(v.unit())).append('\n');
                if (!v.scale().isNone()) {
                    sb.append("    scale: {factor: \"").append(v.scale().factor().toPlainString()).append('"');
                    if (v.scale().byCapacity()) {
                        sb.append(", times: ").append(MappingConfig.Scale.CAPACITY_KW);
                    }
                    sb.append("}\n");
                }
            }
        } else {
            sb.append("long:\n  measurement-column: ").append(yamlColumn(m.longForm().measurement())).append('\n');
            sb.append("  value-column: ").append(yamlColumn(m.longForm().value())).append('\n');
            if (m.longForm().unit() != null) {
                sb.append("  unit-column: ").append(yamlColumn(m.longForm().unit())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String yamlColumn(MappingConfig.ColumnRef c) {
        return c.name() == null ? Integer.toString(c.index()) : yamlString(c.name());
    }

    static String yamlChar(char c) {
        return c == '\t' ? "\"\\t\"" : yamlString(String.valueOf(c));
    }

    private static String yamlString(String s) {
        return YamlConfig.quoted(s);
    }
}
