package org.energychain.supervision.ingest;

/** What is wrong with a piece of input; {@link ProblemReport} counts problems by kind. */
public enum ProblemKind {
    /** A configuration file (group, mapping) is missing, unreadable or invalid. */
    CONFIG,
    /** A row or line that cannot be split or parsed: wrong column count, broken quoting, bad JSON. */
    MALFORMED,
    /** An empty cell where a value is required. */
    EMPTY_VALUE,
    /** A time that cannot be parsed, or a local time that does not exist or is ambiguous (DST). */
    TIME,
    /** A value that is not a decimal number. */
    NUMBER,
    /** A measurement code that is not known. */
    MEASUREMENT,
    /** A unit that does not fit the measurement. */
    UNIT,
    /** A plant that is not in the group. */
    UNKNOWN_PLANT,
    /** A second reading for the same plant, timestamp and measurement. */
    DUPLICATE,
    /** A reading before the period's start or at/after its end. */
    OUTSIDE_PERIOD,
    /** A timestamp that is not on the resolution's grid. */
    NOT_ALIGNED,
    /** Missing intervals of a plant and measurement within the period. */
    GAP
}
