package org.energychain.ledger.governance;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/**
 * A roster change put to the validators, as the {@code validators} contract keeps it: the roster version it
 * was made against (its first height; approvals count only against that roster), the organisations that
 * approved it so far in order, and the height from which it is in force once enacted (0 while open).
 *
 * <p>Encoding: tag {@code EC/roster-proposal/v1}, i64 number, i64 base, bytes change (its encoding), string
 * proposer, i32 n, n x string organisation, i64 enacted-from.
 */
public record Proposal(long number, long base, RosterChange change, String proposer, List<String> approvals,
        long enactedFrom) {
    public static final String TAG = "EC/roster-proposal/v1";

    public Proposal {
        approvals = List.copyOf(approvals);
    }

    public boolean open() {
        return enactedFrom == 0;
    }

    public Proposal approvedBy(String org) {
        List<String> a = new ArrayList<>(approvals);
        a.add(org);
        return new Proposal(number, base, change, proposer, a, enactedFrom);
    }

    public Proposal enacted(long from) {
        return new Proposal(number, base, change, proposer, approvals, from);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(1024).tag(TAG).i64(number).i64(base).bytes(change.encode())
                .string(proposer).i32(approvals.size());
        approvals.forEach(w::string);
        return w.i64(enactedFrom).toByteArray();
    }

    public static Proposal decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        long number = r.i64("number");
        long base = r.i64("base");
        RosterChange change = RosterChange.decode(r.bytes("change"));
        String proposer = r.string("proposer");
        int n = r.count("approvals", 4);
        List<String> a = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            a.add(r.string("approval"));
        }
        Proposal p = new Proposal(number, base, change, proposer, a, r.i64("enacted from"));
        r.end();
        return p;
    }
}
