package org.energychain.cli;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.supervision.contract.SupervisionRoles;

/** A key-value contract for CLI tests, found by the node through META-INF/services: put "k=v" (groups), fail, get. */
public final class CliKvContract implements Contract {
    @Override
    public String name() {
        return "kv";
    }

    @Override
    public Map<String, MethodSpec> methods() {
        return Map.of("put", MethodSpec.submit(SupervisionRoles.GROUP), "fail", MethodSpec.submit(), "get", MethodSpec.query());
    }

    @Override
    public void submit(TxContext ctx, String method, byte[] args) throws ContractException {
        String a = new String(args, StandardCharsets.UTF_8);
        if (!method.equals("put") || !a.contains("=")) {
            throw new ContractException(101, "refused: " + a);
        }
        ctx.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) {
        byte[] v = ctx.get(new String(args, StandardCharsets.UTF_8));
        return v == null ? new byte[0] : v;
    }
}
