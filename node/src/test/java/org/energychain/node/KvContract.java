package org.energychain.node;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.supervision.contract.SupervisionRoles;

/** A tiny key-value contract for tests: put "k=v" (groups), fail (always refuses), get "k" (anyone), secret "k" (groups). */
public final class KvContract implements Contract {
    @Override
    public String name() {
        return "kv";
    }

    @Override
    public Map<String, MethodSpec> methods() {
        return Map.of("put", MethodSpec.submit(SupervisionRoles.GROUP), "fail", MethodSpec.submit(), "get", MethodSpec.query(),
                "secret", MethodSpec.query(SupervisionRoles.GROUP));
    }

    @Override
    public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
        String a = new String(args, StandardCharsets.UTF_8);
        if (method.equals("put")) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2) {
                throw new ContractException(101, "put needs k=v, got " + a);
            }
            ctx.put(kv[0], kv[1].getBytes(StandardCharsets.UTF_8));
            ctx.emit("put", args);
        } else {
            throw new ContractException(102, "refused: " + a);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        byte[] v = ctx.get(new String(args, StandardCharsets.UTF_8));
        if (v == null) {
            throw new ContractException(104, "no key " + new String(args, StandardCharsets.UTF_8));
        }
        return v;
    }
}
