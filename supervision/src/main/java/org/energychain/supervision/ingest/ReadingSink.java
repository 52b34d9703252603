package org.energychain.supervision.ingest;

import org.energychain.supervision.reading.Reading;

/**
 * Receives the readings of an import one by one, with where each came from. Readers call it on their
 * own thread, in file order; an implementation may throw {@link InputException} to reject a reading
 * (the reader lets it propagate).
 */
@FunctionalInterface
public interface ReadingSink {
    void accept(Reading reading, SourceLocation where);
}
