package org.energychain.cli.trading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energychain.cli.common.ClientTls;
import org.energychain.cli.common.ExitCodes;
import org.energychain.cli.common.GroupResolver;
import org.energychain.cli.common.Json;
import org.energychain.cli.common.Remote;
import org.energychain.cli.common.RemoteCommand;
import org.energychain.cli.common.SignedCalls;
import org.energychain.cli.common.StoreOptions;
import org.energychain.cli.common.StoredPeriods;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.crypto.merkle.ContentRoot;
import org.energychain.ledger.block.Block;
import org.energychain.node.client.NodeClient;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.classify.DescriptiveInfo;
import org.energychain.supervision.store.DatasetRecord;
import org.energychain.supervision.store.OffChainStore;
import org.energychain.supervision.store.PeriodInfo;
import org.energychain.trading.catalog.Listing;
import org.energychain.trading.catalog.ListingRecord;
import org.energychain.trading.directory.EntryCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code energychain catalog}: the summary directory of the trading chain. Sellers publish and withdraw
 * summary blocks of their D1 datasets (signed transactions); buyers browse and search the platform's
 * directory and check any listing against the transaction that made it.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Publish summary blocks of D1 data on the trading chain, and browse or search the platform's "
                + "summary directory (energy type / data type / region / group / unit).",
        subcommands = {CatalogCommand.Publish.class, CatalogCommand.Update.class, CatalogCommand.Withdraw.class, CatalogCommand.Browse.class,
            CatalogCommand.Search.class, CatalogCommand.Show.class, CatalogCommand.Verify.class})
public final class CatalogCommand implements Runnable {
    static final String CONTRACT = "catalog";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Publish Hash(D1) + descriptive information of the D1 datasets of a stored period (or one "
                    + "--dataset) as summary blocks on the trading chain, signed as the group (--member, --key).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:all published", "1:the contract refused one",
                "2:bad input or refused by the node", "3:node unreachable"})
    static class Publish extends RemoteCommand {
        @Mixin
        StoreOptions store;

        @Option(names = "--group", paramLabel = "ID", description = "Group (default: the only one in the store).")
        String group;

        @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "A day of the period (default: the latest period).")
        LocalDate day;

        @Option(names = "--dataset", paramLabel = "ID", description = "Publish only this dataset.")
        String dataset;

        @Option(names = "--price", required = true, paramLabel = "MINOR_UNITS",
                description = "Price of each dataset, in minor units of the trading chain's currency.")
        long price;

        @Option(names = "--terms", defaultValue = "single-use licence, no resale", paramLabel = "TEXT",
                description = "Licence terms (default: ${DEFAULT-VALUE}).")
        String terms;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "Where buyers fetch deliveries (default: this node's market deliveries URL).")
        String endpoint;

        @Override
        protected Integer work() throws Exception {
            List<Listing> listings = new ArrayList<>();
            String ep = endpoint != null ? endpoint : remote.url() + "/chains/" + remote.chain() + "/market/deliveries";
            try (OffChainStore s = store.open()) {
                String groupId = group != null ? group : GroupResolver.onlyGroup(s);
                PeriodInfo info = StoredPeriods.select(s, groupId, day);
                HashFunction h = CryptoSuites.byName(info.suiteName()).hash();
                for (DatasetRecord d : s.datasets(info.key(), DataClass.D1)) {
                    if (dataset == null || dataset.equals(d.id())) {
                        listings.add(listingOf(d, h, price, terms, ep));
                    }
                }
                if (listings.isEmpty()) {
                    throw new IllegalArgumentException(dataset != null ? "the store holds no D1 dataset " + dataset
                            + " in period " + info.key() : "period " + info.key() + " has no D1 datasets");
                }
            }
            PrintWriter out = out();
            List<SignedCalls.Outcome> outcomes = SignedCalls.submitAll(remote, CONTRACT, "publish",
                    listings.stream().map(Listing::encode).toList());
            int refused = 0;
            ArrayNode arr = Json.MAPPER.createArrayNode();
            for (int i = 0; i < listings.size(); i++) {
                Listing l = listings.get(i);
                SignedCalls.Outcome o = outcomes.get(i);
                refused += o.ok() ? 0 : 1;
                if (json) {
                    arr.addObject().put("id", l.id()).put("path", l.path()).put("contentRoot",
                            Hex.encode(l.contentRoot())).put("txId", o.txId()).put("code", o.code())
                            .put("message", o.message()).put("height", o.height());
                } else {
                    out.printf("%s %s  %s%n", o.ok() ? "published" : "REFUSED (code " + o.code() + ": " + o.message()
                            + ")", l.id(), l.path());
                }
            }
            if (json) {
                Json.print(out, arr);
            } else {
                out.printf("%d of %d summary block(s) published on %s%n", listings.size() - refused, listings.size(),
                        remote.chain());
            }
            out.flush();
            return refused == 0 ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    /**
     * The listing of a stored D1 dataset. Refuses a dataset whose stored bytes no longer hash to its
     * recorded Hash(D1): a seller must not list data it cannot deliver.
     */
    static Listing listingOf(DatasetRecord d, HashFunction h, long price, String terms, String endpoint) {
        byte[] root = ContentRoot.root(h, d.payload());
        if (!Arrays.equals(root, d.hash())) {
            throw new IllegalArgumentException("dataset " + d.id() + ": the stored data does not hash to its recorded "
                    + "Hash(D1) " + Hex.encode(d.hash()) + "; not publishing data that cannot be delivered");
        }
        DescriptiveInfo di = DescriptiveInfo.decode(d.descriptiveInfo());
        return new Listing(d.id(), h.name(), root, d.payload().length, di.energyType(), di.dataType(), di.region(),
                di.groupId(), di.unitId(), di.mathType(), di.measurement(), di.measurementUnit(),
                di.from().atStartOfDay(ZoneOffset.UTC).toInstant(), di.to().atStartOfDay(ZoneOffset.UTC).toInstant(),
                price, terms, endpoint);
    }

    @Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Change the price, terms or endpoint of a published summary block (the seller only); its "
                    + "version grows, and a buyer who saw the old version must look again before buying.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:updated", "1:the contract refused it",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class Update extends RemoteCommand {
        @Option(names = "--id", required = true, paramLabel = "LISTING", description = "The listing id.")
        String id;

        @Option(names = "--price", paramLabel = "MINOR_UNITS")
        Long price;

        @Option(names = "--terms", paramLabel = "TEXT")
        String terms;

        @Option(names = "--endpoint", paramLabel = "URL")
        String endpoint;

        @Override
        protected Integer work() throws Exception {
            if (price == null && terms == null && endpoint == null) {
                throw new IllegalArgumentException("give at least one of --price, --terms, --endpoint");
            }
            ListingRecord r = MarketCommand.listing(remote.client(), remote.chain(), id);
            Listing l = r.listing();
            Listing next = new Listing(l.id(), l.hash(), l.contentRoot(), l.sizeBytes(), l.energyType(),
                    l.dataType(), l.region(), l.group(), l.unit(), l.mathType(), l.measurement(),
                    l.measurementUnit(), l.from(), l.to(), price != null ? price : l.price(),
                    terms != null ? terms : l.terms(), endpoint != null ? endpoint : l.endpoint());
            return submit(CONTRACT, "update", next.encode(), "update of " + id + " (version " + (r.version() + 1) + ")");
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Withdraw a published summary block (the seller only).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:withdrawn", "1:the contract refused it",
                "2:bad input or refused by the node", "3:node unreachable"})
    static final class Withdraw extends RemoteCommand {
        @Option(names = "--id", required = true, paramLabel = "LISTING", description = "The listing id.")
        String id;

        @Override
        protected Integer work() throws Exception {
            return submit(CONTRACT, "withdraw", new org.energychain.trading.catalog.WithdrawArgs(id).encode(),
                    "withdrawal of " + id);
        }
    }

    @Command(name = "browse", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Show the next level of the directory below --path, with the number of listings under each.")
    static final class Browse extends RemoteCommand {
        @Option(names = "--path", defaultValue = "", paramLabel = "E/D/R/G",
                description = "A path prefix, '*' matches any value at a level (default: the root).")
        String path;

        @Override
        protected Integer work() throws Exception {
            JsonNode r = remote.client().catalogTree(remote.chain(), path);
            PrintWriter out = out();
            if (json) {
                Json.print(out, r);
            } else {
                String[] levels = {"energy type", "data type", "region", "group", "unit"};
                int level = r.path("level").asInt();
                out.printf("/%s  (%s at height %d)%n", r.path("path").asText(),
                        level < levels.length ? levels[level] + "s" : "listings", r.path("height").asLong());
                for (JsonNode c : r.path("children")) {
                    out.printf("  %-32s %,d%n", c.path("name").asText(), c.path("count").asLong());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Search the directory: path prefix with wildcards, generation time, mathematical type, price; "
                    + "paged and sorted.")
    static final class Search extends RemoteCommand {
        @Option(names = "--path", paramLabel = "E/D/R/G/U", description = "e.g. wind/generation-profile/North or */*/North.")
        String path;

        @Option(names = "--from", paramLabel = "INSTANT", description = "Generation time overlapping [from, to).")
        String from;

        @Option(names = "--to", paramLabel = "INSTANT", description = "End of the time range (exclusive).")
        String to;

        @Option(names = "--math-type", paramLabel = "TYPE", description = "e.g. time-series.")
        String mathType;

        @Option(names = "--min-price", paramLabel = "N")
        Long minPrice;

        @Option(names = "--max-price", paramLabel = "N")
        Long maxPrice;

        @Option(names = "--sort", paramLabel = "KEY", description = "id, price, -price, from, -from (default: id).")
        String sort;

        @Option(names = "--limit", paramLabel = "N", description = "Listings per page (1-1000, default 50).")
        Integer limit;

        @Option(names = "--cursor", paramLabel = "TOKEN", description = "The next page (from the previous answer).")
        String cursor;

        @Override
        protected Integer work() throws Exception {
            Map<String, String> p = new LinkedHashMap<>();
            put(p, "path", path);
            put(p, "from", from);
            put(p, "to", to);
            put(p, "mathType", mathType);
            put(p, "minPrice", minPrice);
            put(p, "maxPrice", maxPrice);
            put(p, "sort", sort);
            put(p, "limit", limit);
            put(p, "cursor", cursor);
            JsonNode r = remote.client().catalogSearch(remote.chain(), p);
            PrintWriter out = out();
            if (json) {
                Json.print(out, r);
            } else {
                out.printf("%,d listing(s) at height %d%n", r.path("total").asLong(), r.path("height").asLong());
                for (JsonNode l : r.path("listings")) {
                    out.printf("  %s%n    %s  %s..%s  %s  price %d  seller %s%n", l.path("id").asText(),
                            l.path("path").asText(), l.path("from").asText(), l.path("to").asText(),
                            l.path("mathType").asText(), l.path("price").asLong(), l.path("seller").asText());
                }
                if (!r.path("nextCursor").isNull() && r.hasNonNull("nextCursor")) {
                    out.printf("more: --cursor %s%n", r.path("nextCursor").asText());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static void put(Map<String, String> p, String k, Object v) {
            if (v != null) {
                p.put(k, v.toString());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Show one listing; with --check, verify it against its transaction in the block the chain "
                    + "holds (tx inclusion under the block's tx root, successful result, same content).",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:shown (and checked)", "1:the check failed",
                "2:bad input or not found", "3:node unreachable"})
    static final class Show extends RemoteCommand {
        @Option(names = "--id", required = true, paramLabel = "LISTING")
        String id;

        @Option(names = "--check", description = "Check the listing against its transaction.")
        boolean check;

        @Option(names = "--chain-url", paramLabel = "URL",
                description = "Fetch the block for --check from this node instead of the platform's.")
        java.net.URI chainUrl;

        @Override
        protected Integer work() throws Exception {
            NodeClient client = remote.client();
            JsonNode l = client.catalogListing(remote.chain(), id);
            ListingRecord record = ListingRecord.decode(Hex.decode(l.path("record").asText()));
            PrintWriter out = out();
            EntryCheck.Verdict verdict = null;
            if (check) {
                NodeClient chainClient = chainUrl == null ? client
                        : ClientTls.pin(new NodeClient(chainUrl), remote.tlsCert());
                HashFunction chainHash = Remote.chainHash(chainClient, remote.chain());
                Block b = chainClient.rawBlock(remote.chain(), record.height(), chainHash.digestLength());
                verdict = EntryCheck.check(record, b, chainHash);
            }
            if (json) {
                var n = (com.fasterxml.jackson.databind.node.ObjectNode) l.deepCopy();
                if (verdict != null) {
                    n.put("checked", verdict.ok()).put("checkMessage", String.join("; ", verdict.failures()));
                }
                Json.print(out, n);
            } else {
                Listing x = record.listing();
                out.printf("%s (version %d, %s)%n  path        %s%n  Hash(D1)    %s (%s, %,d bytes)%n"
                        + "  generation  %s .. %s  %s %s [%s]%n  price       %d  terms: %s%n  seller      %s  "
                        + "endpoint %s%n  recorded    tx %s in block %d%n", x.id(), record.version(),
                        record.status().name().toLowerCase(java.util.Locale.ROOT), x.path(),
                        Hex.encode(x.contentRoot()), x.hash(), x.sizeBytes(), x.from(), x.to(), x.mathType(),
                        x.measurement(), x.measurementUnit(), x.price(), x.terms(), record.seller(), x.endpoint(),
                        record.txId(), record.height());
                if (verdict != null) {
                    out.printf("check: %s%n", verdict.ok() ? "OK, matches its transaction" : "FAILED: " + String.join("; ", verdict.failures()));
                }
            }
            out.flush();
            return verdict == null || verdict.ok() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Have the platform rebuild its directory from the chain and compare it with the one it serves.",
            exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:consistent", "1:inconsistent",
                "3:node unreachable"})
    static final class Verify extends RemoteCommand {
        @Override
        protected Integer work() throws Exception {
            JsonNode r = remote.client().catalogVerify(remote.chain());
            PrintWriter out = out();
            if (json) {
                Json.print(out, r);
            } else {
                out.printf("directory of %s: %,d listings at height %d, digest %s; rebuilt from the chain: %s%n",
                        remote.chain(), r.path("listings").asLong(), r.path("height").asLong(),
                        r.path("digest").asText(), r.path("consistent").asBoolean() ? "identical" : "DIFFERENT");
            }
            out.flush();
            return r.path("consistent").asBoolean() ? ExitCodes.OK : ExitCodes.VERIFICATION_FAILED;
        }
    }
}
