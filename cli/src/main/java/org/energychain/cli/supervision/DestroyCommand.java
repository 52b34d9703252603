package org.energychain.cli.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.concurrent.Callable;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.GroupResolver;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.StoreOptions;
import org.energychain.crypto.Hex;
import org.energychain.supervision.store.DestroyRequest;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.RetentionPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain destroy}: deletes off-chain readings (by range or by a retention rule) and keeps a
 * destruction record with the destroyed days' roots, so every remaining proof still verifies and the
 * deletion is auditable.
 */
@Command(name = "destroy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete readings from the off-chain store, keeping every root: the remaining data stays "
                + "provable against Hash_G and a destruction record lists what was deleted, when and why.",
                "Either a range (--from/--to, optionally one --plant) with --reason, or a retention rule "
                        + "(--retention P2Y: delete readings older than that)."},
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:destroyed", "2:bad input (nothing deleted)"})
public final class DestroyCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false)
        Range range;

        @Option(names = "--retention", paramLabel = "PERIOD", required = true,
                description = "Delete readings of days older than this ISO period before today (e.g. P2Y, P90D).")
        Period retention;
    }

    static final class Range {
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day to delete.")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day to delete, inclusive.")
        LocalDate to;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the record).")
        String reason;

        @Option(names = "--plant", paramLabel = "ID", description = "Only this plant (default: all plants).")
        String plant;
    }

    @Option(names = "--group", paramLabel = "ID", description = "Group (default: the only one in the store).")
    String group;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "Print the destruction records as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<DestructionRecord> records;
        try (OffChainStore s = store.open()) {
            if (mode.retention != null) {
                records = s.applyRetention(new RetentionPolicy(mode.retention), Clock.systemUTC());
            } else {
                Range r = mode.range;
                if (r.to.isBefore(r.from)) {
                    throw new IllegalArgumentException("--to " + r.to + " is before --from " + r.from);
                }
                String groupId = group != null ? group : GroupResolver.onlyGroup(s);
                records = List.of(s.destroy(new DestroyRequest(groupId, r.plant, r.from, r.to.plusDays(1), r.reason,
                        Clock.systemUTC().instant())));
            }
        }
        var out = spec.commandLine().getOut();
        if (json) {
            var arr = Json.MAPPER.createArrayNode();
            for (DestructionRecord d : records) {
                var n = arr.addObject();
                n.put("id", d.id());
                n.put("group", d.groupId());
                n.put("plant", d.plantId());
                n.put("from", d.from().toString());
                n.put("toExclusive", d.toExclusive().toString());
                n.put("reason", d.reason());
                n.put("at", d.at().toString());
                n.put("readingsDeleted", d.readingsDeleted());
                var days = n.putArray("days");
                for (DestructionRecord.DestroyedDay dd : d.days()) {
                    days.addObject().put("plant", dd.plantId()).put("day", dd.day().toString())
                            .put("readings", dd.readingsDeleted()).put("dayRoot", Hex.encode(dd.dayRoot()));
                }
            }
            Json.print(out, arr);
        } else if (records.isEmpty()) {
            out.println("nothing to delete");
        } else {
            for (DestructionRecord d : records) {
                out.printf("destroyed %,d readings of %s%s on %s..%s (%d plant-days), record #%d: %s%n",
                        d.readingsDeleted(), d.groupId(), d.plantId() == null ? "" : "/" + d.plantId(), d.from(),
                        d.toExclusive().minusDays(1), d.days().size(), d.id(), d.reason());
            }
            out.println("roots are kept: the remaining data still verifies against Hash_G");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
