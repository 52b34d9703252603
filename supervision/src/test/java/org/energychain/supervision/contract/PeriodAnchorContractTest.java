package org.energychain.supervision.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.energychain.supervision.contract.Fixtures.END;
import static org.energychain.supervision.contract.Fixtures.START;
import static org.energychain.supervision.contract.Fixtures.anchor;
import static org.energychain.supervision.contract.Fixtures.bytes;
import static org.energychain.supervision.contract.Fixtures.period;

import java.util.List;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodAnchorContractTest {
    private final ContractNet net = new ContractNet(CryptoSuites.SHA256_ED25519, "G1");

    @AfterEach
    void close() {
        net.close();
    }

    private Receipt anchorTx(String sender, byte[] args) {
        return net.submit(net.business, sender, PeriodAnchorContract.ANCHOR, args);
    }

    private Anchor get(AnchorQuery q) throws ContractException {
        return Anchor.decode(net.query(net.business, "G1", PeriodAnchorContract.GET_ANCHOR, q.encode()));
    }

    private Page<Anchor> anchors(PageArgs p) throws ContractException {
        return Page.decode(net.query(net.business, "G1", PeriodAnchorContract.ANCHORS, p.encode()), Anchor::decode);
    }

    @Test
    void anchorIsStoredWithWhoAndWhenAndAnnounced() throws ContractException {
        AnchorArgs a = anchor("G1", 1, "SHA-256");
        Receipt r = anchorTx("G1", a.encode());
        assertThat(r.result().isOk()).as(r.result().message()).isTrue();
        assertThat(r.result().events()).extracting(Event::type).containsExactly(Events.PERIOD_ANCHORED);
        Events.PeriodEvent e = Events.PeriodEvent.decode(r.result().events().get(0).data());
        assertThat(e.period()).isEqualTo(period("G1", 1));
        assertThat(e.groupRoot()).isEqualTo(a.groupRoot());

        Anchor stored = get(AnchorQuery.exact(period("G1", 1)));
        assertThat(stored.args()).isEqualTo(a);
        assertThat(stored.recorded().sender()).isEqualTo("G1");
        assertThat(stored.recorded().height()).isEqualTo(r.height());
        assertThat(stored.recorded().txId()).isEqualTo(r.txId());
        assertThat(stored.recorded().time())
                .isEqualTo(net.business.store().block(r.height()).orElseThrow().header().time());
        assertThat(Anchor.decode(stored.encode()).encode()).isEqualTo(stored.encode());
    }

    @Test
    void latestIsTheHighestVersionAndExactVersionsStayReadable() throws ContractException {
        anchorTx("G1", anchor("G1", 2, "SHA-256").encode());
        anchorTx("G1", anchor("G1", 1, "SHA-256").encode());
        assertThat(get(AnchorQuery.latest("G1", START, END)).period().version()).isEqualTo(2);
        assertThat(get(AnchorQuery.exact(period("G1", 1))).args()).isEqualTo(anchor("G1", 1, "SHA-256"));
        anchorTx("G1", anchor("G1", 3, "SHA-256").encode());
        assertThat(get(AnchorQuery.latest("G1", START, END)).period().version()).isEqualTo(3);
    }

    @Test
    void anchorsArePagedInAnchoringOrder() throws ContractException {
        for (int v = 1; v <= 3; v++) {
            anchorTx("G1", anchor("G1", v, "SHA-256").encode());
        }
        Page<Anchor> all = anchors(PageArgs.first("G1"));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(x -> x.period().version()).containsExactly(1, 2, 3);
        assertThat(all.hasMore()).isFalse();
        Page<Anchor> middle = anchors(new PageArgs("G1", 1, 1));
        assertThat(middle.items()).extracting(x -> x.period().version()).containsExactly(2);
        assertThat(middle.hasMore()).isTrue();
        assertThat(anchors(new PageArgs("G1", 5, 10)).items()).isEmpty();
        assertThat(anchors(PageArgs.first("G2")).total()).isZero();
    }

    @Test
    void secondAnchorOfTheSameVersionIsRefusedAndChangesNothing() throws ContractException {
        AnchorArgs first = anchor("G1", 1, "SHA-256");
        anchorTx("G1", first.encode());
        // same period and version, other roots
        List<PlantRoot> plants = List.of(new PlantRoot("G1-S001", bytes(77)));
        AnchorArgs draft = new AnchorArgs(period("G1", 1), "SHA-256", bytes(0), plants);
        Receipt r = anchorTx("G1", new AnchorArgs(draft.period(), "SHA-256", draft.computeGroupRoot(), plants).encode());
        assertThat(r.result().code()).isEqualTo(ContractCodes.DUPLICATE);
        assertThat(r.result().message()).contains("already anchored");
        assertThat(r.result().events()).isEmpty();
        assertThat(get(AnchorQuery.exact(period("G1", 1))).args()).isEqualTo(first);
        assertThat(anchors(PageArgs.first("G1")).total()).isEqualTo(1);
    }

    @Test
    void anotherGroupCannotAnchorForTheGroup() {
        Receipt r = anchorTx(ContractNet.G2, anchor("G1", 1, "SHA-256").encode());
        assertThat(r.result().code()).isEqualTo(ContractCodes.NOT_YOUR_GROUP);
        assertThat(r.result().message()).contains("G2").contains("G1");
        assertThatThrownBy(() -> get(AnchorQuery.exact(period("G1", 1))))
                .isInstanceOf(ContractException.class)
                .satisfies(e -> assertThat(((ContractException) e).code()).isEqualTo(ContractCodes.NOT_FOUND));
    }

    @Test
    void nonGroupRolesAreRefusedAtAdmission() {
        for (String who : List.of(ContractNet.REG, ContractNet.PLAT)) {
            Submission s = net.offer(net.business, who, PeriodAnchorContract.ANCHOR, anchor("G1", 1, "SHA-256").encode());
            assertThat(s.accepted()).isFalse();
            assertThat(s.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
            Submission d = net.offer(net.business, who, PeriodAnchorContract.RECORD_DESTRUCTION,
                    DestructionArgs.of(Fixtures.destruction("G1", 1)).encode());
            assertThat(d.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        }
        assertThat(net.business.pending()).isZero();
    }

    @Test
    void groupRootThatIsNotTheRootOverThePlantsIsRefused() {
        AnchorArgs good = anchor("G1", 1, "SHA-256");
        AnchorArgs wrongRoot = new AnchorArgs(good.period(), "SHA-256", bytes(0x55), good.plants());
        Receipt r = anchorTx("G1", wrongRoot.encode());
        assertThat(r.result().code()).isEqualTo(ContractCodes.INCONSISTENT);
        // the SHA-256 root is not the SM3 root: naming the other hash is inconsistent too
        Receipt otherHash = anchorTx("G1", new AnchorArgs(good.period(), "SM3", good.groupRoot(), good.plants()).encode());
        assertThat(otherHash.result().code()).isEqualTo(ContractCodes.INCONSISTENT);
        assertThat(anchorTx("G1", anchor("G1", 1, "SM3").encode()).result().isOk()).isTrue();
    }

    /** Writes an anchor-args encoding by hand, so that malformed lists can be produced. */
    private static CanonicalWriter header(String hash) {
        return new CanonicalWriter().tag(AnchorArgs.TAG).string("G1").date(START).date(END).i32(1).string(hash)
                .fixed(bytes(1));
    }

    @Test
    void malformedArgumentsAreRefusedNamingTheField() throws ContractException {
        assertMalformed(new byte[] {1, 2, 3}, "tag");
        assertMalformed(header("SHA-256").i32(0).toByteArray(), "plant count");
        assertMalformed(header("SHA-256").i32(2).string("G1-W001").fixed(bytes(1)).string("G1-S001").fixed(bytes(2))
                .toByteArray(), "strictly increasing");
        assertMalformed(header("SHA-256").i32(2).string("G1-S001").fixed(bytes(1)).string("G1-S001").fixed(bytes(2))
                .toByteArray(), "strictly increasing");
        assertMalformed(header("SHA-256").i32(1).string("G1-S001").fixed(new byte[31]).toByteArray(), "plant[0] root");
        assertMalformed(header("MD5").i32(1).string("G1-S001").fixed(bytes(1)).toByteArray(), "hash");
        assertMalformed(header("sha256").i32(1).string("G1-S001").fixed(bytes(1)).toByteArray(), "SHA-256");
        byte[] good = anchor("G1", 1, "SHA-256").encode();
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        assertMalformed(trailing, "trailing");
        assertMalformed(new CanonicalWriter().tag(AnchorArgs.TAG).string("G1").date(END).date(START).i32(1).toByteArray(),
                "period");
        assertMalformed(new CanonicalWriter().tag(AnchorArgs.TAG).string("G1").date(START).date(END).i32(0).toByteArray(),
                "version");
        assertMalformed(new CanonicalWriter().tag(AnchorArgs.TAG).string("G 1").toByteArray(), "group");
        assertThat(anchors(PageArgs.first("G1")).total()).isZero();
    }

    private void assertMalformed(byte[] args, String naming) {
        Receipt r = anchorTx("G1", args);
        assertThat(r.result().code()).as(r.result().message()).isEqualTo(ContractCodes.MALFORMED);
        assertThat(r.result().message()).contains(naming);
    }

    private Page<Anchor> anchorsQuiet(PageArgs p) {
        try {
            return anchors(p);
        } catch (ContractException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void queriesRefuseMalformedArgumentsAndUnknownAnchors() {
        assertThatThrownBy(() -> net.query(net.business, "G1", PeriodAnchorContract.GET_ANCHOR, new byte[0]))
                .isInstanceOf(ContractException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> get(AnchorQuery.latest("G1", START, END)))
                .isInstanceOf(ContractException.class).hasMessageContaining("no version");
        assertThatThrownBy(() -> net.query(net.business, "G1", PeriodAnchorContract.ANCHORS,
                new CanonicalWriter().tag(PageArgs.TAG).string("G1").i64(0).i32(0).toByteArray()))
                .isInstanceOf(ContractException.class).hasMessageContaining("limit");
        assertThat(anchorsQuiet(PageArgs.first("G1")).items()).isEmpty();
    }

    @Test
    void destructionsAreRecordedOnceAndListed() throws ContractException {
        DestructionArgs d = DestructionArgs.of(Fixtures.destruction("G1", 7));
        Receipt r = net.submit(net.business, "G1", PeriodAnchorContract.RECORD_DESTRUCTION, d.encode());
        assertThat(r.result().isOk()).as(r.result().message()).isTrue();
        Events.DestructionEvent e = Events.DestructionEvent.decode(r.result().events().get(0).data());
        assertThat(e).isEqualTo(new Events.DestructionEvent("G1", 7, 192, 2));

        Receipt again = net.submit(net.business, "G1", PeriodAnchorContract.RECORD_DESTRUCTION, d.encode());
        assertThat(again.result().code()).isEqualTo(ContractCodes.DUPLICATE);
        Receipt other = net.submit(net.business, ContractNet.G2, PeriodAnchorContract.RECORD_DESTRUCTION,
                DestructionArgs.of(Fixtures.destruction("G1", 8)).encode());
        assertThat(other.result().code()).isEqualTo(ContractCodes.NOT_YOUR_GROUP);
        Receipt bad = net.submit(net.business, "G1", PeriodAnchorContract.RECORD_DESTRUCTION, new byte[] {0, 0, 0, 1});
        assertThat(bad.result().code()).isEqualTo(ContractCodes.MALFORMED);

        Page<Destruction> page = Page.decode(net.query(net.business, ContractNet.REG, PeriodAnchorContract.DESTRUCTIONS,
                PageArgs.first("G1").encode()), Destruction::decode);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items().get(0).record()).isEqualTo(Fixtures.destruction("G1", 7));
        assertThat(page.items().get(0).recorded().height()).isEqualTo(r.height());
    }
}
