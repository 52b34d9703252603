package org.energychain.supervision.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.energychain.supervision.contract.Fixtures.filing;
import static org.energychain.supervision.contract.Fixtures.period;

import java.util.List;
import org.energychain.crypto.CryptoSuites;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.ledger.contract.ContractException;
import org.energychain.ledger.exec.Receipt;
import org.energychain.ledger.exec.Rejection;
import org.energychain.ledger.exec.Submission;
import org.energychain.ledger.tx.Event;
import org.energychain.supervision.store.PeriodKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegulatoryFilingContractTest {
    private final ContractNet net = new ContractNet(CryptoSuites.SHA256_ED25519, "G1");

    @AfterEach
    void close() {
        net.close();
    }

    private Receipt tx(String sender, String method, byte[] args) {
        return net.submit(net.regulatory, sender, method, args);
    }

    private Filing filingOf(PeriodKey k) throws ContractException {
        return Filing.decode(net.query(net.regulatory, ContractNet.REG, RegulatoryFilingContract.FILING,
                new FilingQuery(k).encode()));
    }

    private Page<Filing> pending(PendingArgs a) throws ContractException {
        return Page.decode(net.query(net.regulatory, ContractNet.REG, RegulatoryFilingContract.PENDING, a.encode()),
                Filing::decode);
    }

    @Test
    void filingIsStoredPendingAndAnnounced() throws ContractException {
        Receipt r = tx("G1", RegulatoryFilingContract.FILE, filing("G1", 1).encode());
        assertThat(r.result().isOk()).as(r.result().message()).isTrue();
        assertThat(r.result().events()).extracting(Event::type).containsExactly(Events.D2_FILED);
        Filing f = filingOf(period("G1", 1));
        assertThat(f.args()).isEqualTo(filing("G1", 1));
        assertThat(f.acknowledged()).isFalse();
        assertThat(f.filed().sender()).isEqualTo("G1");
        assertThat(f.filed().height()).isEqualTo(r.height());
        // the group sees its own filing too
        assertThat(Filing.decode(net.query(net.regulatory, "G1", RegulatoryFilingContract.FILING,
                new FilingQuery(period("G1", 1)).encode())).args()).isEqualTo(f.args());
        Page<Filing> p = pending(PendingArgs.all());
        assertThat(p.total()).isEqualTo(1);
        assertThat(p.items()).extracting(Filing::period).containsExactly(period("G1", 1));
    }

    @Test
    void secondFilingOfTheSameVersionIsRefused() throws ContractException {
        tx("G1", RegulatoryFilingContract.FILE, filing("G1", 1).encode());
        FilingArgs other = new FilingArgs(period("G1", 1), "SM3", Fixtures.bytes(40), Fixtures.bytes(41), 0);
        Receipt r = tx("G1", RegulatoryFilingContract.FILE, other.encode());
        assertThat(r.result().code()).isEqualTo(ContractCodes.DUPLICATE);
        assertThat(filingOf(period("G1", 1)).args()).isEqualTo(filing("G1", 1));
        assertThat(pending(PendingArgs.all()).total()).isEqualTo(1);
        assertThat(tx("G1", RegulatoryFilingContract.FILE, filing("G1", 2).encode()).result().isOk()).isTrue();
    }

    @Test
    void acknowledgementRecordsRegulatorNoteAndBlockTimeOnce() throws ContractException {
        tx("G1", RegulatoryFilingContract.FILE, filing("G1", 1).encode());
        tx(ContractNet.G2, RegulatoryFilingContract.FILE, filing("G2", 1).encode());
        Receipt ack = tx(ContractNet.REG, RegulatoryFilingContract.ACKNOWLEDGE,
                new AckArgs(period("G1", 1), "received, 3 datasets").encode());
        assertThat(ack.result().isOk()).as(ack.result().message()).isTrue();
        assertThat(ack.result().events()).extracting(Event::type).containsExactly(Events.FILING_ACKNOWLEDGED);

        Filing f = filingOf(period("G1", 1));
        assertThat(f.acknowledged()).isTrue();
        Acknowledgement a = f.ack().orElseThrow();
        assertThat(a.regulator()).isEqualTo(ContractNet.REG);
        assertThat(a.note()).isEqualTo("received, 3 datasets");
        assertThat(a.recorded().height()).isEqualTo(ack.height());
        assertThat(a.recorded().time()).isEqualTo(net.regulatory.store().block(ack.height()).orElseThrow().header().time());
        assertThat(a.recorded().time()).isAfter(f.filed().time());

        Page<Filing> p = pending(PendingArgs.all());
        assertThat(p.total()).isEqualTo(1);
        assertThat(p.items()).extracting(Filing::period).containsExactly(period("G2", 1));
        assertThat(pending(new PendingArgs("G1", 10)).total()).isZero();
        assertThat(pending(new PendingArgs("G1", 10)).items()).isEmpty();

        Receipt twice = tx(ContractNet.REG, RegulatoryFilingContract.ACKNOWLEDGE, AckArgs.of(period("G1", 1)).encode());
        assertThat(twice.result().code()).isEqualTo(ContractCodes.ALREADY_ACKNOWLEDGED);
        assertThat(twice.result().message()).contains("acknowledged by reg");
        assertThat(filingOf(period("G1", 1)).ack().orElseThrow().note()).isEqualTo("received, 3 datasets");
    }

    @Test
    void acknowledgingAnUnknownFilingIsRefused() {
        Receipt r = tx(ContractNet.REG, RegulatoryFilingContract.ACKNOWLEDGE, AckArgs.of(period("G1", 9)).encode());
        assertThat(r.result().code()).isEqualTo(ContractCodes.NOT_FOUND);
        assertThat(r.result().message()).contains("no filing");
        assertThatThrownBy(() -> filingOf(period("G1", 9))).isInstanceOf(ContractException.class)
                .satisfies(e -> assertThat(((ContractException) e).code()).isEqualTo(ContractCodes.NOT_FOUND));
    }

    @Test
    void rolesAreCheckedAtAdmission() {
        Submission groupAcks = net.offer(net.regulatory, "G1", RegulatoryFilingContract.ACKNOWLEDGE,
                AckArgs.of(period("G1", 1)).encode());
        assertThat(groupAcks.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        for (String who : List.of(ContractNet.REG, ContractNet.PLAT)) {
            Submission s = net.offer(net.regulatory, who, RegulatoryFilingContract.FILE, filing("G1", 1).encode());
            assertThat(s.rejection().reason()).isEqualTo(Rejection.Reason.UNAUTHORISED);
        }
        assertThatThrownBy(() -> net.query(net.regulatory, "G1", RegulatoryFilingContract.PENDING,
                PendingArgs.all().encode())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("may not call");
        assertThatThrownBy(() -> net.query(net.regulatory, ContractNet.PLAT, RegulatoryFilingContract.FILING,
                new FilingQuery(period("G1", 1)).encode())).isInstanceOf(IllegalArgumentException.class);
        assertThat(net.regulatory.pending()).isZero();
    }

    @Test
    void groupFilesOnlyForItself() throws ContractException {
        Receipt r = tx(ContractNet.G2, RegulatoryFilingContract.FILE, filing("G1", 1).encode());
        assertThat(r.result().code()).isEqualTo(ContractCodes.NOT_YOUR_GROUP);
        assertThat(pending(PendingArgs.all()).total()).isZero();
    }

    @Test
    void malformedArgumentsAreRefusedNamingTheField() throws ContractException {
        byte[] good = filing("G1", 1).encode();
        assertMalformed(RegulatoryFilingContract.FILE, java.util.Arrays.copyOf(good, good.length - 1), "D2 dataset count");
        assertMalformed(RegulatoryFilingContract.FILE, new CanonicalWriter().tag(FilingArgs.TAG).string("G1")
                .date(Fixtures.START).date(Fixtures.END).i32(1).string("SHA-256").fixed(Fixtures.bytes(1))
                .fixed(Fixtures.bytes(2)).i32(-1).toByteArray(), "D2 dataset count");
        assertMalformed(RegulatoryFilingContract.FILE, AckArgs.of(period("G1", 1)).encode(), "tag");
        assertMalformed(RegulatoryFilingContract.FILE, new CanonicalWriter().tag(FilingArgs.TAG).string("G1")
                .date(Fixtures.START).date(Fixtures.END).i32(1).string("SM2").fixed(Fixtures.bytes(1)).fixed(Fixtures.bytes(2))
                .i32(0).toByteArray(), "unknown hash function 'SM2'");
        tx("G1", RegulatoryFilingContract.FILE, good);
        Receipt badAck = tx(ContractNet.REG, RegulatoryFilingContract.ACKNOWLEDGE, new CanonicalWriter()
                .tag(AckArgs.TAG).string("G1").date(Fixtures.START).date(Fixtures.END).i32(1).string("x".repeat(1001))
                .toByteArray());
        assertThat(badAck.result().code()).isEqualTo(ContractCodes.MALFORMED);
        assertThat(badAck.result().message()).contains("note");
        assertThat(filingOf(period("G1", 1)).acknowledged()).isFalse();
    }

    private void assertMalformed(String method, byte[] args, String naming) {
        Receipt r = tx("G1", method, args);
        assertThat(r.result().code()).as(r.result().message()).isEqualTo(ContractCodes.MALFORMED);
        assertThat(r.result().message()).contains(naming);
    }

    @Test
    void filingsArePagedAndDestructionsRecorded() throws ContractException {
        for (int v = 1; v <= 3; v++) {
            tx("G1", RegulatoryFilingContract.FILE, filing("G1", v).encode());
        }
        Page<Filing> p = Page.decode(net.query(net.regulatory, "G1", RegulatoryFilingContract.FILINGS,
                new PageArgs("G1", 1, 5).encode()), Filing::decode);
        assertThat(p.total()).isEqualTo(3);
        assertThat(p.items()).extracting(f -> f.period().version()).containsExactly(2, 3);
        assertThat(pending(new PendingArgs("G1", 2)).items()).hasSize(2);
        assertThat(pending(new PendingArgs("G1", 2)).total()).isEqualTo(3);

        DestructionArgs d = DestructionArgs.of(Fixtures.destruction("G1", 1));
        assertThat(tx("G1", RegulatoryFilingContract.RECORD_DESTRUCTION, d.encode()).result().isOk()).isTrue();
        assertThat(tx("G1", RegulatoryFilingContract.RECORD_DESTRUCTION, d.encode()).result().code())
                .isEqualTo(ContractCodes.DUPLICATE);
        Page<Destruction> ds = Page.decode(net.query(net.regulatory, ContractNet.REG,
                RegulatoryFilingContract.DESTRUCTIONS, PageArgs.first("G1").encode()), Destruction::decode);
        assertThat(ds.items()).extracting(Destruction::record).containsExactly(Fixtures.destruction("G1", 1));
    }
}
