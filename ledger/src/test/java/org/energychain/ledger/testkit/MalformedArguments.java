package org.energychain.ledger.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;

/**
 * The check every contract passes: bytes that are not a method's arguments (empty, one byte, a string
 * tag cut short, a huge length prefix, random bytes) are refused with {@link CommonCodes#MALFORMED}, and
 * no other exception leaves the contract. Methods that take no arguments are named and skipped.
 */
public final class MalformedArguments {
    private MalformedArguments() {
    }

    /** The garbage inputs, the same for every contract. */
    public static List<byte[]> inputs() {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[0]);
        out.add(new byte[] {0});
        out.add(new byte[] {0, 0, 0, 9, 'E', 'C', '/'}); // a string of 9 bytes cut after 3
        out.add(new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}); // a 2 GiB length prefix
        out.add(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2}); // a negative length
        Random r = new Random(14);
        for (int n : new int[] {3, 17, 64, 300}) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            out.add(b);
        }
        return out;
    }

    /**
     * Calls every method of {@code contract} except {@code argless} with each of {@link #inputs()} as
     * {@code sender} with {@code roles}, and throws an AssertionError naming the method and the input
     * unless each call is refused with MALFORMED.
     */
    public static void assertRefusedAsMalformed(Contract contract, String sender, Set<String> roles, Set<String> argless) {
        for (Map.Entry<String, MethodSpec> m : contract.methods().entrySet()) {
            if (argless.contains(m.getKey())) {
                continue;
            }
            for (byte[] input : inputs()) {
                MemoryContext ctx = new MemoryContext(sender, roles, ContractChain.T0);
                String call = contract.name() + "/" + m.getKey() + " with " + input.length + " bytes";
                try {
                    if (m.getValue().kind() == MethodSpec.Kind.SUBMIT) {
                        contract.submit(ctx, m.getKey(), input);
                    } else {
                        contract.query(ctx, m.getKey(), input);
                    }
                    throw new AssertionError(call + " was accepted");
                } catch (ContractException e) {
                    if (e.code() != CommonCodes.MALFORMED) {
                        throw new AssertionError(call + ": code " + e.code() + " (" + e.getMessage() + "), not MALFORMED");
                    }
                    if (!e.getMessage().startsWith(m.getKey() + ": malformed arguments")) {
                        throw new AssertionError(call + ": the message does not name the method: " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    throw new AssertionError(call + ": " + e + " escaped the contract", e);
                }
            }
        }
    }


    /** A method the contract does not have, as a transaction and as a query, is refused with UNKNOWN_METHOD. */
    public static void assertUnknownMethodRefused(Contract contract) {
        MemoryContext ctx = new MemoryContext("someone", Set.of(), ContractChain.T0);
        for (MethodSpec.Kind kind : MethodSpec.Kind.values()) {
            try {
                if (kind == MethodSpec.Kind.SUBMIT) {
                    contract.submit(ctx, "no-such-method", new byte[0]);
                } else {
                    contract.query(ctx, "no-such-method", new byte[0]);
                }
                throw new AssertionError(contract.name() + ": " + kind + " of an unknown method was accepted");
            } catch (ContractException e) {
                if (e.code() != CommonCodes.UNKNOWN_METHOD) {
                    throw new AssertionError(contract.name() + ": " + kind + " of an unknown method gave code " + e.code());
                }
            }
        }
    }
}
