package org.energychain.supervision.store;

import java.util.Objects;

/** A dataset looked up by id, with the period version it was imported in. */
public record StoredDataset(PeriodKey period, DatasetRecord dataset) {
    public StoredDataset {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dataset, "dataset");
    }
}
