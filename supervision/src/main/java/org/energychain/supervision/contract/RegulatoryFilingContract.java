package org.energychain.supervision.contract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.supervision.store.PeriodKey;

/**
 * The regulatory chain's contract ({@code regulatory}, paper II.B): a group files each period version's
 * {@code Hash_G} and {@code Hash(D2)} when it delivers D2 to the regulator; the regulator acknowledges
 * receipt; deletions of off-chain data are recorded. The regulator then verifies any delivered plant-day
 * against the filed root ({@link RegulatorCheck}). Stateless and deterministic.
 *
 * <p>Methods (arguments and results in docs/contracts.md):
 * <ul>
 *   <li>submit {@code file} (GROUP): {@link FilingArgs}; sender must be the group; refuses malformed
 *       arguments and a second filing of the same group, period and version; emits {@link Events#D2_FILED}.</li>
 *   <li>submit {@code acknowledge} (REGULATOR): {@link AckArgs}; refuses an unknown or already
 *       acknowledged filing; records the regulator and block time; emits {@link Events#FILING_ACKNOWLEDGED}.</li>
 *   <li>submit {@code record-destruction} (GROUP): {@link DestructionArgs}.</li>
 *   <li>query {@code filing} (GROUP, REGULATOR): {@link FilingQuery} &rarr; {@link Filing}.</li>
 *   <li>query {@code filings} (GROUP, REGULATOR): {@link PageArgs} &rarr; {@link Page} of {@link Filing}.</li>
 *   <li>query {@code pending} (REGULATOR): {@link PendingArgs} &rarr; {@link Page} of unacknowledged {@link Filing}s.</li>
 *   <li>query {@code destructions} (any member): {@link PageArgs} &rarr; {@link Page} of {@link Destruction}.</li>
 * </ul>
 */
public final class RegulatoryFilingContract implements Contract {
    public static final String NAME = "regulatory-filing";
    public static final String FILE = "file";
    public static final String ACKNOWLEDGE = "acknowledge";
    public static final String RECORD_DESTRUCTION = DestructionLog.METHOD;
    public static final String FILING = "filing";
    public static final String FILINGS = "filings";
    public static final String PENDING = "pending";
    public static final String DESTRUCTIONS = DestructionLog.QUERY;

    private static final Map<String, MethodSpec> METHODS = Map.of(
            FILE, MethodSpec.submit(SupervisionRoles.GROUP),
            ACKNOWLEDGE, MethodSpec.submit(SupervisionRoles.REGULATOR),
            RECORD_DESTRUCTION, MethodSpec.submit(SupervisionRoles.GROUP),
            FILING, MethodSpec.query(SupervisionRoles.GROUP, SupervisionRoles.REGULATOR),
            FILINGS, MethodSpec.query(SupervisionRoles.GROUP, SupervisionRoles.REGULATOR),
            PENDING, MethodSpec.query(SupervisionRoles.REGULATOR),
            DESTRUCTIONS, MethodSpec.query());

    private static final String PENDING_COUNT = "pending-count";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, MethodSpec> methods() {
        return METHODS;
    }

    @Override
    public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
        switch (method) {
            case FILE -> file(ctx, args);
            case ACKNOWLEDGE -> acknowledge(ctx, args);
            case RECORD_DESTRUCTION -> DestructionLog.record(ctx, args);
            default -> throw CommonCodes.unknownMethod(NAME, method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case FILING -> {
                FilingQuery q = ContractArgs.decode(FILING, args, FilingQuery::decode);
                byte[] v = ctx.get(filingKey(q.period()));
                if (v == null) {
                    throw new ContractException(ContractCodes.NOT_FOUND, FILING + ": " + q.period() + " is not filed");
                }
                yield v;
            }
            case FILINGS -> {
                PageArgs p = ContractArgs.decode(FILINGS, args, PageArgs::decode);
                String group = p.groupId();
                yield Codec.page(ctx, p, countKey(group), i -> {
                    byte[] key = ctx.get(seqKey(group, i));
                    return key == null ? null : ctx.get(new String(key, StandardCharsets.UTF_8));
                });
            }
            case PENDING -> pending(ctx, args);
            case DESTRUCTIONS -> DestructionLog.list(ctx, args);
            default -> throw CommonCodes.unknownMethod(NAME, method);
        };
    }

    private static void file(TxContext ctx, byte[] args) throws ContractException {
        FilingArgs a = ContractArgs.decode(FILE, args, FilingArgs::decode);
        PeriodKey period = a.period();
        Codec.requireGroup(ctx.sender(), period.groupId(), FILE);
        String key = filingKey(period);
        if (ctx.get(key) != null) {
            throw new ContractException(ContractCodes.DUPLICATE, FILE + ": " + period + " is already filed");
        }
        ctx.put(key, new Filing(a, TxFacts.of(ctx), null).encode());
        String countKey = countKey(period.groupId());
        long n = Codec.readI64(ctx.get(countKey));
        ctx.put(seqKey(period.groupId(), n), key.getBytes(StandardCharsets.UTF_8));
        ctx.put(countKey, Codec.i64(n + 1));
        ctx.put(pendingKey(period), key.getBytes(StandardCharsets.UTF_8));
        adjustPending(ctx, period.groupId(), +1);
        ctx.emit(Events.D2_FILED, new Events.PeriodEvent(period, a.groupRoot()).encode());
    }

    private static void acknowledge(TxContext ctx, byte[] args) throws ContractException {
        AckArgs a = ContractArgs.decode(ACKNOWLEDGE, args, AckArgs::decode);
        PeriodKey period = a.filing();
        String key = filingKey(period);
        byte[] v = ctx.get(key);
        if (v == null) {
            throw new ContractException(ContractCodes.NOT_FOUND, ACKNOWLEDGE + ": no filing of " + period);
        }
        Filing f = Filing.decode(v);
        if (f.acknowledged()) {
            Acknowledgement prior = f.acknowledgement();
            throw new ContractException(ContractCodes.ALREADY_ACKNOWLEDGED, ACKNOWLEDGE + ": the filing of " + period
                    + " was acknowledged by " + prior.regulator() + " at " + prior.recorded().time() + " (height "
                    + prior.recorded().height() + ")");
        }
        ctx.put(key, f.withAcknowledgement(new Acknowledgement(a.note(), TxFacts.of(ctx))).encode());
        ctx.delete(pendingKey(period));
        adjustPending(ctx, period.groupId(), -1);
        ctx.emit(Events.FILING_ACKNOWLEDGED, new Events.PeriodEvent(period, f.groupRoot()).encode());
    }

    private static byte[] pending(QueryContext ctx, byte[] args) throws ContractException {
        PendingArgs p = ContractArgs.decode(PENDING, args, PendingArgs::decode);
        String prefix = p.groupId().isEmpty() ? "pending/" : "pending/" + p.groupId() + "/";
        String totalKey = p.groupId().isEmpty() ? PENDING_COUNT : PENDING_COUNT + "/" + p.groupId();
        List<byte[]> items = new ArrayList<>();
        for (byte[] key : ctx.scan(prefix, p.limit()).values()) {
            byte[] f = ctx.get(new String(key, StandardCharsets.UTF_8));
            if (f == null) {
                throw new IllegalStateException("pending filing " + new String(key, StandardCharsets.UTF_8) + " is missing");
            }
            items.add(f);
        }
        return new Page<>(Codec.readI64(ctx.get(totalKey)), 0, items).encode(b -> b);
    }

    private static void adjustPending(TxContext ctx, String group, int delta) {
        for (String k : List.of(PENDING_COUNT, PENDING_COUNT + "/" + group)) {
            ctx.put(k, Codec.i64(Codec.readI64(ctx.get(k)) + delta));
        }
    }

    static String filingKey(PeriodKey k) {
        return "filing/" + Codec.periodKey(k);
    }

    private static String pendingKey(PeriodKey k) {
        return "pending/" + Codec.periodKey(k);
    }

    private static String seqKey(String group, long n) {
        return "filing-seq/" + group + "/" + Codec.seq(n);
    }

    private static String countKey(String group) {
        return "filing-count/" + group;
    }
}
