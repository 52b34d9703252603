package org.energychain.supervision.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.HashFunction;
import org.energychain.supervision.classify.ClassificationPolicy;
import org.energychain.supervision.ingest.ErrorPolicy;
import org.energychain.supervision.ingest.ValidationRules;
import org.energychain.supervision.reading.Group;

/**
 * Everything one ingest of a group-period needs: the group, the period and what must be complete in it
 * ({@code rules}), the hash of the suite, the input files, what to do with bad input, the
 * classification policy and where to write the regulator's D2 package.
 */
public record IngestRequest(Group group, ValidationRules rules, HashFunction hash, List<ReadingSource> sources,
        ErrorPolicy errorPolicy, ClassificationPolicy classification, Path outputDir) {
    public IngestRequest {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(hash, "hash");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(outputDir, "outputDir");
    }
}
