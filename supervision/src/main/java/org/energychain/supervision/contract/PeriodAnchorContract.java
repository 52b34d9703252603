package org.energychain.supervision.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.energychain.crypto.Hex;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.supervision.store.PeriodKey;

/**
 * The business chain's contract ({@code business-<group>}, paper II.B): the group anchors each period
 * version's {@code Hash_G} with its plants' roots {@code Hash^j}, so that the D3 data kept off chain
 * stays provable and no root can be changed afterwards, and records destructions of off-chain data so
 * that deletions are auditable. Stateless and deterministic: all state through the context, block time
 * only.
 *
 * <p>Methods (arguments and results in docs/contracts.md):
 * <ul>
 *   <li>submit {@code anchor} (GROUP): {@link AnchorArgs}; the sender must be the group; refuses a
 *       malformed encoding, a {@code Hash_G} that is not the root over the plant roots, a second anchor of
 *       the same group, period and version; emits {@link Events#PERIOD_ANCHORED}.</li>
 *   <li>submit {@code record-destruction} (GROUP): {@link DestructionArgs}; emits
 *       {@link Events#DESTRUCTION_RECORDED}.</li>
 *   <li>query {@code get-anchor}: {@link AnchorQuery} &rarr; {@link Anchor} (version 0: the latest).
 *       (Not named {@code anchor}: a method name is either a submit or a query.)</li>
 *   <li>query {@code anchors}: {@link PageArgs} &rarr; {@link Page} of {@link Anchor}, in anchoring order.</li>
 *   <li>query {@code destructions}: {@link PageArgs} &rarr; {@link Page} of {@link Destruction}.</li>
 * </ul>
 */
public final class PeriodAnchorContract implements Contract {
    public static final String NAME = "period-anchor";
    public static final String ANCHOR = "anchor";
    public static final String RECORD_DESTRUCTION = DestructionLog.METHOD;
    public static final String GET_ANCHOR = "get-anchor";
    public static final String ANCHORS = "anchors";
    public static final String DESTRUCTIONS = DestructionLog.QUERY;

    private static final Map<String, MethodSpec> METHODS = Map.of(
            ANCHOR, MethodSpec.submit(SupervisionRoles.GROUP),
            RECORD_DESTRUCTION, MethodSpec.submit(SupervisionRoles.GROUP),
            GET_ANCHOR, MethodSpec.query(),
            ANCHORS, MethodSpec.query(),
            DESTRUCTIONS, MethodSpec.query());

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
            case ANCHOR -> anchor(ctx, args);
            case RECORD_DESTRUCTION -> DestructionLog.record(ctx, args);
            default -> throw CommonCodes.unknownMethod(NAME, method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case GET_ANCHOR -> getAnchor(ctx, args);
            case ANCHORS -> {
                PageArgs p = ContractArgs.decode(ANCHORS, args, PageArgs::decode);
                String group = p.groupId();
                yield Codec.page(ctx, p, countKey(group), i -> {
                    byte[] key = ctx.get(seqKey(group, i));
                    return key == null ? null : ctx.get(new String(key, StandardCharsets.UTF_8));
                });
            }
            case DESTRUCTIONS -> DestructionLog.list(ctx, args);
            default -> throw CommonCodes.unknownMethod(NAME, method);
        };
    }

    private static void anchor(TxContext ctx, byte[] args) throws ContractException {
        AnchorArgs a = ContractArgs.decode(ANCHOR, args, AnchorArgs::decode);
        PeriodKey period = a.period();
        Codec.requireGroup(ctx.sender(), period.groupId(), ANCHOR);
        byte[] expected = a.computeGroupRoot();
        if (!MessageDigest.isEqual(expected, a.groupRoot())) {
            throw new ContractException(ContractCodes.INCONSISTENT, ANCHOR + ": Hash_G " + Hex.encode(a.groupRoot())
                    + " of " + period + " is not the group-tree root over the " + a.plants().size()
                    + " plant roots given (" + a.hash() + " root over them: " + Hex.encode(expected) + ")");
        }
        String key = anchorKey(period);
        if (ctx.get(key) != null) {
            throw new ContractException(ContractCodes.DUPLICATE, ANCHOR + ": " + period + " is already anchored");
        }
        ctx.put(key, new Anchor(a, TxFacts.of(ctx)).encode());
        String latest = latestKey(period.groupId(), period.start().toString(), period.endExclusive().toString());
        if (Codec.readI64(ctx.get(latest)) < period.version()) {
            ctx.put(latest, Codec.i64(period.version()));
        }
        String countKey = countKey(period.groupId());
        long n = Codec.readI64(ctx.get(countKey));
        ctx.put(seqKey(period.groupId(), n), key.getBytes(StandardCharsets.UTF_8));
        ctx.put(countKey, Codec.i64(n + 1));
        ctx.emit(Events.PERIOD_ANCHORED, new Events.PeriodEvent(period, a.groupRoot()).encode());
    }

    private static byte[] getAnchor(QueryContext ctx, byte[] args) throws ContractException {
        AnchorQuery q = ContractArgs.decode(GET_ANCHOR, args, AnchorQuery::decode);
        int version = q.version();
        String what = q.groupId() + "[" + q.start() + ".." + q.endExclusive() + ")";
        if (version == 0) {
            long latest = Codec.readI64(ctx.get(latestKey(q.groupId(), q.start().toString(), q.endExclusive().toString())));
            if (latest == 0) {
                throw new ContractException(ContractCodes.NOT_FOUND, GET_ANCHOR + ": no version of " + what + " is anchored");
            }
            version = Math.toIntExact(latest);
        }
        byte[] v = ctx.get(anchorKey(new PeriodKey(q.groupId(), q.start(), q.endExclusive(), version)));
        if (v == null) {
            throw new ContractException(ContractCodes.NOT_FOUND, GET_ANCHOR + ": " + what + "v" + version
                    + " is not anchored");
        }
        return v;
    }

    static String anchorKey(PeriodKey k) {
        return "anchor/" + Codec.periodKey(k);
    }

    private static String latestKey(String group, String start, String end) {
        return "latest/" + group + "/" + start + "/" + end;
    }

    private static String seqKey(String group, long n) {
        return "anchor-seq/" + group + "/" + Codec.seq(n);
    }

    private static String countKey(String group) {
        return "anchor-count/" + group;
    }
}
