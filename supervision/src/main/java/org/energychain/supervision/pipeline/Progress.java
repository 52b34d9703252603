package org.energychain.supervision.pipeline;

/** Where long work reports how far it is; the CLI prints it, tests ignore it. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (phase, done, total) -> { };

    /** {@code done} of {@code total} units of {@code phase} are finished ({@code total} is -1 if unknown). */
    void update(String phase, long done, long total);
}
