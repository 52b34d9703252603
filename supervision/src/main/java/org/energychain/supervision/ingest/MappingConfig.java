package org.energychain.supervision.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.energychain.crypto.Snippet;
import org.energychain.supervision.reading.Measurement;

/**
 * How to read one plant's (or one system's) SCADA CSV export: the file's dialect, where time and plant
 * are, how numbers are written, and which columns hold which measurement in which unit. Loaded from a
 * YAML mapping file with {@link #load}; {@link #toYaml} writes the same format. See {@code
 * docs/input-formats.md} for a commented example.
 *
 * <p>Two layouts are supported:
 * <ul>
 *   <li><b>wide</b> ({@link #valueColumns()} not empty): one row per timestamp, one column per
 *       measurement, e.g. {@code time,P_MW,E_MWh}; each column names its measurement and unit;</li>
 *   <li><b>long</b> ({@link #longForm()} not null): one row per reading, with a measurement column, a
 *       value column and optionally a unit column (without it values are in the canonical unit).</li>
 * </ul>
 *
 * @param delimiter          the field separator, e.g. {@code ','}, {@code ';'} or tab
 * @param quote              the quote character, or {@code null} when the export never quotes
 * @param charset            the file's encoding
 * @param header             whether the first row (after {@code skipRows}) names the columns
 * @param skipRows           physical lines to skip at the top before the header or data (title lines)
 * @param commentPrefix      lines starting with this are ignored, or {@code null}
 * @param timeColumn         the column of the timestamp
 * @param timeFormat         {@code iso} (ISO-8601; with an offset, or local time in {@code timeZone}),
 *                           {@code epoch-seconds}, {@code epoch-millis}, or a {@link
 *                           DateTimeFormatter} pattern such as {@code dd.MM.yyyy HH:mm}
 * @param timeZone           the zone of local times; a local time that falls into a DST gap or overlap
 *                           is an error naming the line
 * @param plantColumn        the column of the plant id, or {@code null} with {@code fixedPlant}
 * @param fixedPlant         the plant id of every row (one file per plant), or {@code null}
 * @param decimalSeparator   {@code '.'} or e.g. {@code ','} for German exports
 * @param thousandsSeparator a grouping character to ignore in numbers (e.g. {@code '.'} in {@code
 *                           1.234,5}), or {@code null}; it may equal the delimiter ({@code "1,209.10"}
 *                           in a comma-separated file) only with a quote character and a header: quoted
 *                           cells hold it, and an unquoted one splits the row, which the header's column
 *                           count refuses
 * @param emptyCells         what an empty value cell means
 * @param valueColumns       wide layout: value columns, each with measurement and unit
 * @param longForm           long layout, or {@code null}
 */
public record MappingConfig(
        char delimiter,
        Character quote,
        Charset charset,
        boolean header,
        int skipRows,
        String commentPrefix,
        ColumnRef timeColumn,
        String timeFormat,
        ZoneId timeZone,
        ColumnRef plantColumn,
        String fixedPlant,
        char decimalSeparator,
        Character thousandsSeparator,
        EmptyCells emptyCells,
        List<ValueColumn> valueColumns,
        LongForm longForm) {

    /** The {@code time.format} for ISO-8601 text. */
    public static final String ISO = "iso";
    /** The {@code time.format} for whole seconds since 1970-01-01T00:00Z. */
    public static final String EPOCH_SECONDS = "epoch-seconds";
    /** The {@code time.format} for whole milliseconds since 1970-01-01T00:00Z. */
    public static final String EPOCH_MILLIS = "epoch-millis";

    /** What an empty value cell means. */
    public enum EmptyCells {
        /** No reading for this cell (the validator will report the gap if the period must be complete). */
        SKIP,
        /** An error naming line and column. */
        ERROR
    }

    /** A column by header name, or by 0-based index (then {@code name} is null). */
    public record ColumnRef(String name, int index) {
        public ColumnRef {
            if (name == null && index < 0) {
                throw new IllegalArgumentException("column index must be >= 0, got " + index);
            }
        }

        public static ColumnRef named(String name) {
            return new ColumnRef(Objects.requireNonNull(name, "name"), -1);
        }

        public static ColumnRef at(int index) {
            return new ColumnRef(null, index);
        }

        @Override
        public String toString() {
            return name != null ? name : "#" + index;
        }
    }

    /**
     * A wide-layout value column: which measurement it holds, in which unit, and how its cells are scaled
     * before the unit applies.
     *
     * @param unit  the unit of the scaled value (for a ratio in kWh/kW scaled by the capacity: kWh)
     * @param scale {@link Scale#NONE} for cells that are already in {@code unit}
     */
    public record ValueColumn(ColumnRef column, Measurement measurement, String unit, Scale scale) {
        public ValueColumn {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(measurement, "measurement");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(scale, "scale");
            if (!measurement.accepts(unit)) {
                throw new IllegalArgumentException("unit '" + unit + "' does not fit " + measurement.code()
                        + " (accepted: " + String.join(", ", new java.util.TreeSet<>(measurement.units())) + ")");
            }
        }

        /** An unscaled column. */
        public ValueColumn(ColumnRef column, Measurement measurement, String unit) {
            this(column, measurement, unit, Scale.NONE);
        }
    }

    /**
     * What a column's cells are multiplied by before its unit applies: a plain {@code factor} (e.g. 0.001
     * for an export in W mapped to kW, or 0.01 for percent) and, with {@code byCapacity}, the plant's
     * {@code capacity-kw} from the group file (for a ratio such as kWh per kW of installed capacity). The
     * product is exact.
     *
     * @param factor     a positive decimal, 1 for none
     * @param byCapacity whether to multiply by the plant's capacity in kW as well
     */
    public record Scale(BigDecimal factor, boolean byCapacity) {
        /** No scaling. */
        public static final Scale NONE = new Scale(BigDecimal.ONE, false);
        /** The {@code scale.times} value that multiplies by the plant's capacity. */
        public static final String CAPACITY_KW = "capacity-kw";

        public Scale {
            Objects.requireNonNull(factor, "factor");
            if (factor.signum() <= 0) {
                throw new IllegalArgumentException("scale factor must be positive, got " + factor.toPlainString());
            }
        }

        /** Whether this scale changes nothing. */
        public boolean isNone() {
            return !byCapacity && factor.compareTo(BigDecimal.ONE) == 0;
        }

        /** {@code value × factor × capacityKw} (the capacity only when {@link #byCapacity}). */
        public BigDecimal apply(BigDecimal value, BigDecimal capacityKw) {
            BigDecimal v = factor.compareTo(BigDecimal.ONE) == 0 ? value : value.multiply(factor);
            return byCapacity ? v.multiply(capacityKw) : v;
        }
    }

    /** The long layout's columns; {@code unit} may be null (values in the canonical unit). */
    public record LongForm(ColumnRef measurement, ColumnRef value, ColumnRef unit) {
        public LongForm {
            Objects.requireNonNull(measurement, "measurement");
            Objects.requireNonNull(value, "value");
        }
    }

    public MappingConfig {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(timeColumn, "timeColumn");
        Objects.requireNonNull(timeFormat, "timeFormat");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(emptyCells, "emptyCells");
        valueColumns = List.copyOf(valueColumns);
        if (skipRows < 0) {
            throw new IllegalArgumentException("skip-rows must be >= 0, got " + skipRows);
        }
        if ((plantColumn == null) == (fixedPlant == null)) {
            throw new IllegalArgumentException("give exactly one of plant.column and plant.fixed");
        }
        if (valueColumns.isEmpty() == (longForm == null)) {
            throw new IllegalArgumentException("give exactly one of wide (value columns) and long");
        }
        if (commentPrefix != null && commentPrefix.isEmpty()) {
            commentPrefix = null;
        }
        if (decimalSeparator == delimiter || (quote != null && (quote == delimiter || quote == decimalSeparator))) {
            throw new IllegalArgumentException("delimiter, quote and decimal separator must differ");
        }
        if (!usableInNumbers(decimalSeparator)) {
            throw new IllegalArgumentException("decimal separator '" + decimalSeparator + "' is not usable");
        }
        if (thousandsSeparator != null) {
            if (thousandsSeparator == decimalSeparator || (quote != null && thousandsSeparator.charValue() == quote)) {
                throw new IllegalArgumentException("thousands separator must differ from the decimal separator and the quote");
            }
            if (!usableInNumbers(thousandsSeparator)) {
                throw new IllegalArgumentException("thousands separator '" + thousandsSeparator + "' is not usable");
            }
            if (thousandsSeparator == delimiter) {
                // "1,209.10" is unambiguous only inside quotes; unquoted, the separator splits the cell, which
                // only the fixed column count of a header catches
                if (quote == null) {
                    throw new IllegalArgumentException("thousands separator " + yamlChar(delimiter) + " is also the "
                            + "delimiter: numbers with it can only be read from quoted fields, so set quote (e.g. '\"')");
                }
                if (!header) {
                    throw new IllegalArgumentException("thousands separator " + yamlChar(delimiter) + " is also the "
                            + "delimiter: this needs header: true, so that a number split at an unquoted separator "
                            + "is caught by the column count");
                }
            }
        }
        if (!header) {
            List<ColumnRef> refs = new ArrayList<>(List.of(timeColumn));
            if (plantColumn != null) {
                refs.add(plantColumn);
            }
            valueColumns.forEach(v -> refs.add(v.column()));
            if (longForm != null) {
                refs.add(longForm.measurement());
                refs.add(longForm.value());
                if (longForm.unit() != null) {
                    refs.add(longForm.unit());
                }
            }
            for (ColumnRef r : refs) {
                if (r.name() != null) {
                    throw new IllegalArgumentException("column '" + r.name() + "' is named but the file has no header: use a 0-based index");
                }
            }
        }
        if (!timeFormat.equals(ISO) && !timeFormat.equals(EPOCH_SECONDS) && !timeFormat.equals(EPOCH_MILLIS)) {
            try {
                var unused = DateTimeFormatter.ofPattern(timeFormat, Locale.ROOT); // parsed only to check it
            } catch (IllegalArgumentException | ClassCastException e) { // the JDK's cast fails on e.g. "pdMM"
                String why = e instanceof ClassCastException ? "pad letter 'p' before adjacent numbers" : e.getMessage();
                throw new IllegalArgumentException("time format '" + timeFormat + "' is not iso, epoch-seconds, "
                        + "epoch-millis or a valid DateTimeFormatter pattern: " + why);
            }
        }
    }

    private static boolean usableInNumbers(char c) {
        return c != '-' && c != '+' && c != 'e' && c != 'E' && !Character.isDigit(c);
    }

    /** Whether some value column is scaled by the plant's capacity (the reader then needs the group). */
    public boolean scalesByCapacity() {
        return valueColumns.stream().anyMatch(v -> v.scale().byCapacity());
    }

    /**
     * The mapping of the CSV files {@link org.energychain.supervision.generate.SyntheticGroupGenerator}
     * and most tools write: comma separated, header, ISO UTC time, dot decimals.
     */
    public static MappingConfig simpleWide(ColumnRef time, ColumnRef plant, String fixedPlant, List<ValueColumn> values) {
        return new MappingConfig(',', '"', StandardCharsets.UTF_8, true, 0, null, time, ISO, ZoneId.of("UTC"),
                plant, fixedPlant, '.', null, EmptyCells.ERROR, values, null);
    }

    /** This mapping with another treatment of empty cells. */
    public MappingConfig withEmptyCells(EmptyCells e) {
        return new MappingConfig(delimiter, quote, charset, header, skipRows, commentPrefix, timeColumn, timeFormat,
                timeZone, plantColumn, fixedPlant, decimalSeparator, thousandsSeparator, e, valueColumns, longForm);
    }

    /**
     * Reads a mapping file.
     *
     * @throws InputException (kind {@link ProblemKind#CONFIG}) naming the file and the key that is wrong
     */
    public static MappingConfig load(Path file) {
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
        ColumnRef timeColumn = column(time, "column");
        String timeFormat = time.string("format", ISO);
        ZoneId zone;
        try {
            zone = ZoneId.of(time.string("zone", "UTC"));
        } catch (DateTimeException e) {
            throw time.error("zone", "unknown time zone '" + time.string("zone") + "' (use e.g. UTC, Asia/Shanghai, +08:00)");
        }

        YamlConfig plant = y.child("plant");
        plant.allowOnly(Set.of("column", "fixed"));
        ColumnRef plantColumn = plant.has("column") ? column(plant, "column") : null;
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
        EmptyCells empty;
        String e = y.string("empty-cells", "error");
        try {
            empty = EmptyCells.valueOf(e.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw y.error("empty-cells", "must be skip or error, got '" + e + "'");
        }

        List<ValueColumn> values = new ArrayList<>();
        if (y.has("wide")) {
            for (YamlConfig v : y.list("wide")) {
                v.allowOnly(Set.of("column", "measurement", "unit", "scale"));
                Measurement m = measurement(v, "measurement");
                Scale scale = v.has("scale") ? scale(v) : Scale.NONE;
                try {
                    values.add(new ValueColumn(column(v, "column"), m, v.string("unit", m.unit()), scale));
                } catch (IllegalArgumentException ex) {
                    throw v.error("unit", ex.getMessage());
                }
            }
            if (values.isEmpty()) {
                throw y.error("wide", "must list at least one value column");
            }
        }
        LongForm longForm = null;
        if (y.has("long")) {
            YamlConfig l = y.child("long");
            l.allowOnly(Set.of("measurement-column", "value-column", "unit-column"));
            longForm = new LongForm(column(l, "measurement-column"), column(l, "value-column"),
                    l.has("unit-column") ? column(l, "unit-column") : null);
        }
        try {
            return new MappingConfig(delimiter, quote, charset, header, skip, comment, timeColumn, timeFormat, zone,
                    plantColumn, fixed, decimal, thousands, empty, values, longForm);
        } catch (IllegalArgumentException ex) {
            throw y.error(null, ex.getMessage());
        }
    }

    private static ColumnRef column(YamlConfig y, String key) {
        JsonNode v = y.raw(key);
        if (v.isIntegralNumber()) {
            if (!v.canConvertToInt() || v.intValue() < 0) { // 4294967297 must not wrap around to column 1
                throw y.error(key, "column index must be a whole number from 0 to " + Integer.MAX_VALUE + ", got "
                        + Snippet.quote(v.asText()));
            }
            return ColumnRef.at(v.intValue());
        }
        String s = y.string(key);
        if (s.isEmpty()) {
            throw y.error(key, "must not be empty");
        }
        return ColumnRef.named(s);
    }

    private static Scale scale(YamlConfig v) {
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
            if (!t.equals(Scale.CAPACITY_KW)) {
                throw s.error("times", "must be " + Scale.CAPACITY_KW + " (the plant's capacity-kw from the group "
                        + "file), got " + Snippet.quote(t));
            }
            byCapacity = true;
        }
        return new Scale(factor, byCapacity);
    }

    private static Measurement measurement(YamlConfig y, String key) {
        try {
            return Measurement.byCode(y.string(key));
        } catch (IllegalArgumentException e) {
            throw y.error(key, e.getMessage());
        }
    }

    /** This mapping in the YAML format {@link #load} reads. */
    public String toYaml() {
        StringBuilder sb = new StringBuilder();
        sb.append("format: csv\n");
        sb.append("delimiter: ").append(yamlChar(delimiter)).append('\n');
        sb.append("quote: ").append(quote == null ? "\"\"" : yamlChar(quote)).append('\n');
        sb.append("charset: ").append(charset.name()).append('\n');
        sb.append("header: ").append(header).append('\n');
        sb.append("skip-rows: ").append(skipRows).append('\n');
        if (commentPrefix != null) {
            sb.append("comment-prefix: ").append(yamlString(commentPrefix)).append('\n');
        }
        sb.append("time:\n  column: ").append(yamlColumn(timeColumn)).append('\n');
        sb.append("  format: ").append(yamlString(timeFormat)).append('\n');
        sb.append("  zone: ").append(timeZone.getId()).append('\n');
        sb.append("plant:\n");
        if (plantColumn != null) {
            sb.append("  column: ").append(yamlColumn(plantColumn)).append('\n');
        } else {
            sb.append("  fixed: ").append(yamlString(fixedPlant)).append('\n');
        }
        sb.append("numbers:\n  decimal-separator: ").append(yamlChar(decimalSeparator)).append('\n');
        sb.append("  thousands-separator: ").append(thousandsSeparator == null ? "\"\"" : yamlChar(thousandsSeparator)).append('\n');
        sb.append("empty-cells: ").append(emptyCells.name().toLowerCase(Locale.ROOT)).append('\n');
        if (longForm == null) {
            sb.append("wide:\n");
            for (ValueColumn v : valueColumns) {
                sb.append("  - column: ").append(yamlColumn(v.column())).append('\n');
                sb.append("    measurement: ").append(v.measurement().code()).append('\n');
                sb.append("    unit: ").append(yamlString(v.unit())).append('\n');
                if (!v.scale().isNone()) {
                    sb.append("    scale: {factor: \"").append(v.scale().factor().toPlainString()).append('"');
                    if (v.scale().byCapacity()) {
                        sb.append(", times: ").append(Scale.CAPACITY_KW);
                    }
                    sb.append("}\n");
                }
            }
        } else {
            sb.append("long:\n  measurement-column: ").append(yamlColumn(longForm.measurement())).append('\n');
            sb.append("  value-column: ").append(yamlColumn(longForm.value())).append('\n');
            if (longForm.unit() != null) {
                sb.append("  unit-column: ").append(yamlColumn(longForm.unit())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String yamlColumn(ColumnRef c) {
        return c.name() == null ? Integer.toString(c.index()) : yamlString(c.name());
    }

    private static String yamlChar(char c) {
        return c == '\t' ? "\"\\t\"" : yamlString(String.valueOf(c));
    }

    private static String yamlString(String s) {
        return YamlConfig.quoted(s);
    }
}
