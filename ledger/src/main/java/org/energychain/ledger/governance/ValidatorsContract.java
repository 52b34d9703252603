package org.energychain.ledger.governance;

import java.util.Map;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.CommonCodes;
import org.energychain.ledger.contract.Contract;
import org.energychain.ledger.contract.ContractArgs;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.contract.MethodSpec;
import org.energychain.ledger.contract.QueryContext;
import org.energychain.ledger.contract.TxContext;
import org.energychain.ledger.finality.FinalityCertificate;
import org.energychain.ledger.genesis.NodeInfo;
import org.energychain.ledger.genesis.Roster;

/**
 * The chain's own governance ({@value Rosters#CONTRACT}): the organisations that run validators add or
 * remove a node by a vote weighted by their validators' power. A change passes once organisations holding
 * more than two thirds of the power approved it, the same bar as finality, so the validators that could
 * finalise a block are the ones that can change who finalises; it is in force from the next height on.
 * Approvals count only against the roster they were made for: a proposal made before another change
 * passed must be made again.
 *
 * <ul>
 *   <li>submit {@code propose}: a {@link RosterChange}; the sender's organisation must run a validator, and
 *       approves it; the proposal's number is in the {@code validators.proposed} event.</li>
 *   <li>submit {@code approve}: tag {@code EC/roster-approve/v1}, i64 proposal number.</li>
 *   <li>query {@code roster}: the {@link RosterAt} in force for the next block.</li>
 *   <li>query {@code proposal}: as {@code approve}'s arguments &rarr; the {@link Proposal}.</li>
 * </ul>
 * Enacting emits {@code validators.changed} with the new {@link RosterAt}.
 */
public final class ValidatorsContract implements Contract {
    public static final String NAME = Rosters.CONTRACT;
    public static final String PROPOSE = "propose";
    public static final String APPROVE = "approve";
    public static final String ROSTER = "roster";
    public static final String PROPOSAL = "proposal";
    public static final String OPEN = "open";
    /** At most this many proposals are open at once (a member cannot fill the state with them). */
    public static final int MAX_OPEN = 100;
    public static final String PROPOSED = "validators.proposed";
    public static final String CHANGED = "validators.changed";
    public static final String APPROVE_TAG = "EC/roster-approve/v1";

    /** The arguments do not decode, or a field breaks its rule. */
    public static final int MALFORMED = CommonCodes.MALFORMED;
    /** The sender's organisation runs no validator of the chain. */
    public static final int NOT_A_VALIDATOR = CommonCodes.NOT_AUTHORISED;
    /** No proposal of that number. */
    public static final int NOT_FOUND = CommonCodes.NOT_FOUND;
    /** The organisation approved this proposal already. */
    public static final int DUPLICATE = CommonCodes.DUPLICATE;
    /** The proposal was enacted already, or the roster changed since it was made (the contract's own: 600s). */
    public static final int CLOSED = 600;
    /** The change does not apply to the roster (an added node that exists, a removed one that does not...). */
    public static final int INVALID_CHANGE = 601;
    /** {@link #MAX_OPEN} proposals are open already. */
    public static final int TOO_MANY = 602;

    private static final String SEQ = "seq";
    private static final String PROPOSALS = "proposal/";
    private static final String OPEN_PREFIX = "open/";

    private static final Map<String, MethodSpec> METHODS = Map.of(
            PROPOSE, MethodSpec.submit(),
            APPROVE, MethodSpec.submit(),
            ROSTER, MethodSpec.query(),
            PROPOSAL, MethodSpec.query(),
            OPEN, MethodSpec.query());

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
            case PROPOSE -> propose(ctx, args);
            case APPROVE -> approve(ctx, args);
            default -> throw CommonCodes.unknownMethod(NAME, method);
        }
    }

    @Override
    public byte[] query(QueryContext ctx, String method, byte[] args) throws ContractException {
        return switch (method) {
            case ROSTER -> current(ctx).encode();
            case PROPOSAL -> load(ctx, number(args)).encode();
            case OPEN -> openProposals(ctx);
            default -> throw CommonCodes.unknownMethod(NAME, method);
        };
    }

    /** The arguments of {@code approve} and of the {@code proposal} query. */
    public static byte[] number(long n) {
        return new CanonicalWriter(32).tag(APPROVE_TAG).i64(n).toByteArray();
    }

    private static long number(byte[] args) throws ContractException {
        return ContractArgs.decode(NAME + "." + APPROVE, args, b -> {
            CanonicalReader r = new CanonicalReader(b).expectTag(APPROVE_TAG);
            long n = r.i64("proposal");
            r.end();
            return n;
        });
    }

    /** The open proposals: i32 n, n x bytes (a {@link Proposal}), by number. */
    private static byte[] openProposals(QueryContext ctx) {
        var open = ctx.scan(OPEN_PREFIX, MAX_OPEN);
        CanonicalWriter w = new CanonicalWriter(1024).i32(open.size());
        for (String k : open.keySet()) {
            byte[] p = ctx.get(PROPOSALS + k.substring(k.lastIndexOf('/') + 1));
            w.bytes(p == null ? new byte[0] : p);
        }
        return w.toByteArray();
    }

    /** Decodes what the {@code open} query answers. */
    public static java.util.List<Proposal> decodeOpen(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes);
        int n = r.count("proposals", 4);
        java.util.List<Proposal> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Proposal.decode(r.bytes("proposal")));
        }
        r.end();
        return out;
    }

    private static RosterAt current(QueryContext ctx) {
        byte[] raw = ctx.get(Rosters.CURRENT);
        return raw == null ? new RosterAt(1, ctx.genesis().roster()) : RosterAt.decode(raw);
    }

    private static Proposal load(QueryContext ctx, long n) throws ContractException {
        byte[] raw = ctx.get(key(n));
        if (raw == null) {
            throw new ContractException(NOT_FOUND, NAME + ": there is no proposal " + n);
        }
        return Proposal.decode(raw);
    }

    private static String key(long n) {
        return PROPOSALS + String.format(java.util.Locale.ROOT, "%020d", n);
    }

    private static void propose(TxContext ctx, byte[] args) throws ContractException {
        RosterChange change = ContractArgs.decode(NAME + "." + PROPOSE, args, RosterChange::decode);
        RosterAt now = current(ctx);
        requireValidatorOrg(ctx, now.roster(), PROPOSE);
        check(ctx, now.roster(), change);
        if (ctx.scan(OPEN_PREFIX, MAX_OPEN).size() >= MAX_OPEN) {
            throw new ContractException(TOO_MANY, NAME + "." + PROPOSE + ": " + MAX_OPEN + " proposals are open; approve"
                    + " one (an enacted change closes them all)");
        }
        long n = readLong(ctx.get(SEQ)) + 1;
        ctx.put(SEQ, new CanonicalWriter(8).i64(n).toByteArray());
        Proposal p = new Proposal(n, now.from(), change, ctx.sender(), java.util.List.of(ctx.sender()), 0);
        ctx.emit(PROPOSED, new CanonicalWriter(64).i64(n).string(change.toString()).toByteArray());
        decide(ctx, now, p);
    }

    private static void approve(TxContext ctx, byte[] args) throws ContractException {
        long n = number(args);
        Proposal p = load(ctx, n);
        if (!p.open()) {
            throw new ContractException(CLOSED, NAME + ": proposal " + n + " was enacted already (in force from "
                    + p.enactedFrom() + ")");
        }
        RosterAt now = current(ctx);
        if (p.base() != now.from()) {
            throw new ContractException(CLOSED, NAME + ": proposal " + n + " was made for the roster in force from "
                    + p.base() + "; another change put a new roster in force from " + now.from()
                    + ", so it must be proposed again");
        }
        requireValidatorOrg(ctx, now.roster(), APPROVE);
        if (p.approvals().contains(ctx.sender())) {
            throw new ContractException(DUPLICATE, NAME + ": " + ctx.sender() + " approved proposal " + n + " already");
        }
        decide(ctx, now, p.approvedBy(ctx.sender()));
    }

    /** Stores the proposal, enacting it if its approvals hold more than two thirds of the power. */
    private static void decide(TxContext ctx, RosterAt now, Proposal p) throws ContractException {
        long power = 0;
        for (String org : p.approvals()) {
            power += now.roster().powerOf(org);
        }
        if (!FinalityCertificate.supermajority(power, now.roster().totalPower())) {
            ctx.put(key(p.number()), p.encode());
            ctx.put(OPEN_PREFIX + String.format(java.util.Locale.ROOT, "%020d", p.number()), new byte[] {1});
            return;
        }
        Roster next;
        try {
            next = p.change().applyTo(now.roster());
        } catch (IllegalArgumentException e) {
            throw new ContractException(INVALID_CHANGE, NAME + ": proposal " + p.number() + ": " + e.getMessage());
        }
        long from = ctx.blockHeight() + 1;
        RosterAt in = new RosterAt(from, next);
        ctx.put(Rosters.CURRENT, in.encode());
        ctx.put(Rosters.historyKey(from), in.encode());
        ctx.put(key(p.number()), p.enacted(from).encode());
        // every other open proposal was made for the roster this one replaces: none can pass any more
        for (String k : ctx.scan(OPEN_PREFIX, MAX_OPEN).keySet()) {
            ctx.delete(k);
        }
        ctx.emit(CHANGED, in.encode());
    }

    private static void requireValidatorOrg(TxContext ctx, Roster r, String method) throws ContractException {
        if (r.powerOf(ctx.sender()) == 0) {
            throw new ContractException(NOT_A_VALIDATOR, NAME + "." + method + ": " + ctx.sender()
                    + " runs no validator of chain " + ctx.chainId() + "; only organisations that do may change them");
        }
    }

    private static void check(TxContext ctx, Roster r, RosterChange c) throws ContractException {
        String why = null;
        try {
            Roster next = c.applyTo(r);
            NodeInfo added = c.node();
            if (added != null) {
                String scheme = ctx.genesis().cryptoSuite().signatures().name();
                if (ctx.genesis().member(added.org()).isEmpty()) {
                    why = "node " + c.nodeId() + " belongs to " + added.org() + ", which is not a member of the chain";
                } else if (!added.consensusKey().scheme().equals(scheme)) {
                    why = "node " + c.nodeId() + " has a " + added.consensusKey().scheme()
                            + " consensus key; the chain signs with " + scheme;
                } else if (r.nodes().stream().anyMatch(x -> !x.address().isEmpty()) && added.address().isEmpty()) {
                    why = "node " + c.nodeId() + " has no replication address; the chain is replicated";
                } else if (next.nodes().size() > 1_000) {
                    why = "a chain has at most 1000 nodes";
                }
            }
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        if (why != null) {
            throw new ContractException(INVALID_CHANGE, NAME + "." + PROPOSE + ": " + why);
        }
    }

    private static long readLong(byte[] b) {
        return b == null ? 0 : java.nio.ByteBuffer.wrap(b).getLong();
    }
}
