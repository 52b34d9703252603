package org.energychain.supervision.contract;

import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;

/**
 * The {@code record-destruction} method and {@code destructions} query, the same on the business and
 * the regulatory chain. State keys (in the calling contract's namespace):
 * {@code destruction/<group>/<seq16>} the {@link Destruction}; {@code destruction-id/<group>/<id20>} the
 * seq of an off-chain record id (refuses recording the same record twice);
 * {@code destruction-count/<group>} i64 count.
 */
final class DestructionLog {
    static final String METHOD = "record-destruction";
    static final String QUERY = "destructions";

    private DestructionLog() {
    }

    static void record(TxContext ctx, byte[] args) throws ContractException {
        DestructionArgs a = ContractArgs.decode(METHOD, args, DestructionArgs::decode);
        String group = a.groupId();
        Codec.requireGroup(ctx.sender(), group, METHOD);
        String idKey = "destruction-id/" + group + "/" + String.format("%020d", a.record().id());
        if (ctx.get(idKey) != null) {
            throw new ContractException(ContractCodes.DUPLICATE, METHOD + ": destruction record " + a.record().id()
                    + " of group " + group + " is already recorded");
        }
        String countKey = "destruction-count/" + group;
        long n = Codec.readI64(ctx.get(countKey));
        ctx.put("destruction/" + group + "/" + Codec.seq(n), new Destruction(a, TxFacts.of(ctx)).encode());
        ctx.put(idKey, Codec.i64(n));
        ctx.put(countKey, Codec.i64(n + 1));
        ctx.emit(Events.DESTRUCTION_RECORDED, new Events.DestructionEvent(group, a.record().id(),
                a.record().readingsDeleted(), a.record().days().size()).encode());
    }

    static byte[] list(QueryContext ctx, byte[] args) throws ContractException {
        PageArgs p = ContractArgs.decode(QUERY, args, PageArgs::decode);
        String group = p.groupId();
        return Codec.page(ctx, p, "destruction-count/" + group, i -> ctx.get("destruction/" + group + "/" + Codec.seq(i)));
    }
}
