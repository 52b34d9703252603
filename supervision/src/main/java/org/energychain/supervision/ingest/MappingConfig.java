package org.energychain.supervision.ingest;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
                    throw new IllegalArgumentException("thousands separator " + MappingConfigFile.yamlChar(delimiter) + " is also the "
                            + "delimiter: numbers with it can only be read from quoted fields, so set quote (e.g. '\"')");
                }
                if (!header) {
                    throw new IllegalArgumentException("thousands separator " + MappingConfigFile.yamlChar(delimiter) + " is also the "
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
     * Reads a mapping file ({@link MappingConfigFile}).
     *
     * @throws InputException (kind {@link ProblemKind#CONFIG}) naming the file and the key that is wrong
     */
    public static MappingConfig load(Path file) {
        return MappingConfigFile.read(file);
    }

    /** This mapping in the YAML format {@link #load} reads ({@link MappingConfigFile}). */
    public String toYaml() {
        return MappingConfigFile.write(this);
    }
}
