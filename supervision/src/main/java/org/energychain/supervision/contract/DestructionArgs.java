package org.energychain.supervision.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;
import org.energychain.supervision.classify.DataClass;
import org.energychain.supervision.store.DestructionRecord;
import org.energychain.supervision.store.DestructionRecord.DestroyedDataset;
import org.energychain.supervision.store.DestructionRecord.DestroyedDay;
import org.energychain.supervision.store.PeriodKey;

/**
 * The arguments of {@code record-destruction}: an off-chain {@link DestructionRecord} as the store wrote
 * it, so that a deletion of readings or datasets is auditable on chain and the roots that still prove
 * the deleted plant-days stay on record. The record's own time ({@code at}) is kept as given; the block
 * time of the recording is stored beside it.
 *
 * <p>Encoding: tag {@code EC/destruction-args/v1}, i64 record id, string group, bool hasPlant, [string
 * plant], date from, date to (exclusive), string reason, instant at, i64 readings deleted, i32 days,
 * per day: date period start, date period end, i32 period version, string plant, date day, i64 readings
 * deleted, fixed(32) day root; i32 datasets, per dataset: date period start, date period end, i32 period
 * version, string dataset id, string class (D1|D2|D3), fixed(32) hash. Every period named belongs to the
 * record's group.
 */
public record DestructionArgs(DestructionRecord record) {
    public static final String TAG = "EC/destruction-args/v1";
    public static final int MAX_REASON = 1000;

    public DestructionArgs {
        Objects.requireNonNull(record, "record");
        check(record);
    }

    public static DestructionArgs of(DestructionRecord record) {
        return new DestructionArgs(record);
    }

    public String groupId() {
        return record.groupId();
    }

    private static void check(DestructionRecord r) {
        if (r.id() < 0) {
            throw new IllegalArgumentException("record id must be >= 0, got " + r.id());
        }
        Codec.id(r.groupId(), "group");
        if (r.plantId() != null) {
            Codec.id(r.plantId(), "plant");
        }
        if (!r.from().isBefore(r.toExclusive())) {
            throw new IllegalArgumentException("range: from " + r.from() + " must be before to " + r.toExclusive());
        }
        Codec.text(r.reason(), "reason", MAX_REASON);
        if (r.reason().isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        if (r.at().getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("at: sub-millisecond instants cannot be encoded");
        }
        if (r.readingsDeleted() < 0) {
            throw new IllegalArgumentException("readings deleted must be >= 0, got " + r.readingsDeleted());
        }
        for (int i = 0; i < r.days().size(); i++) {
            DestroyedDay d = r.days().get(i);
            String at = "day[" + i + "] ";
            if (!d.period().groupId().equals(r.groupId())) {
                throw new IllegalArgumentException(at + "period belongs to group " + d.period().groupId() + ", not " + r.groupId());
            }
            Codec.id(d.plantId(), at + "plant");
            if (r.plantId() != null && !r.plantId().equals(d.plantId())) {
                throw new IllegalArgumentException(at + "is of plant " + d.plantId() + ", the record of plant " + r.plantId());
            }
            if (d.day().isBefore(r.from()) || !d.day().isBefore(r.toExclusive())) {
                throw new IllegalArgumentException(at + d.day() + " lies outside the range " + r.from() + ".." + r.toExclusive());
            }
            if (!d.period().contains(d.day())) {
                throw new IllegalArgumentException(at + d.day() + " lies outside its period " + d.period());
            }
            if (d.readingsDeleted() < 0) {
                throw new IllegalArgumentException(at + "readings deleted must be >= 0");
            }
            Codec.digest(d.dayRoot(), at + "root");
        }
        for (int i = 0; i < r.datasets().size(); i++) {
            DestroyedDataset d = r.datasets().get(i);
            String at = "dataset[" + i + "] ";
            if (!d.period().groupId().equals(r.groupId())) {
                throw new IllegalArgumentException(at + "period belongs to group " + d.period().groupId() + ", not " + r.groupId());
            }
            Codec.text(d.datasetId(), at + "id", 512);
            if (d.datasetId().isEmpty()) {
                throw new IllegalArgumentException(at + "id must not be empty");
            }
            Codec.digest(d.hash(), at + "hash");
        }
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(256 + record.days().size() * 96).tag(TAG);
        write(w);
        return w.toByteArray();
    }

    void write(CanonicalWriter w) {
        DestructionRecord r = record;
        w.i64(r.id()).string(r.groupId()).bool(r.plantId() != null);
        if (r.plantId() != null) {
            w.string(r.plantId());
        }
        w.date(r.from()).date(r.toExclusive()).string(r.reason()).instant(r.at()).i64(r.readingsDeleted());
        w.i32(r.days().size());
        for (DestroyedDay d : r.days()) {
            w.date(d.period().start()).date(d.period().endExclusive()).i32(d.period().version()).string(d.plantId())
                    .date(d.day()).i64(d.readingsDeleted()).fixed(d.dayRoot());
        }
        w.i32(r.datasets().size());
        for (DestroyedDataset d : r.datasets()) {
            w.date(d.period().start()).date(d.period().endExclusive()).i32(d.period().version())
                    .string(d.datasetId()).string(d.cls().name()).fixed(d.hash());
        }
    }

    public static DestructionArgs decode(byte[] bytes) {
        CanonicalReader r = new CanonicalReader(bytes).expectTag(TAG);
        DestructionArgs a = read(r);
        r.end();
        return a;
    }

    static DestructionArgs read(CanonicalReader r) {
        long id = r.i64("record id");
        String group = Codec.id(r.string("group"), "group");
        String plant = r.bool("has plant") ? r.string("plant") : null;
        LocalDate from = r.date("from");
        LocalDate to = r.date("to");
        String reason = r.string("reason");
        Instant at = r.instant("at");
        long readings = r.i64("readings deleted");
        int nDays = count(r, "day count");
        List<DestroyedDay> days = new ArrayList<>(Math.min(nDays, 4096));
        for (int i = 0; i < nDays; i++) {
            String f = "day[" + i + "] ";
            PeriodKey period = period(r, group, f);
            days.add(new DestroyedDay(period, r.string(f + "plant"), r.date(f + "day"), r.i64(f + "readings deleted"),
                    r.fixed(Codec.DIGEST_LENGTH, f + "root")));
        }
        int nSets = count(r, "dataset count");
        List<DestroyedDataset> sets = new ArrayList<>(Math.min(nSets, 4096));
        for (int i = 0; i < nSets; i++) {
            String f = "dataset[" + i + "] ";
            PeriodKey period = period(r, group, f);
            String dsId = r.string(f + "id");
            String cls = r.string(f + "class");
            DataClass dc;
            try {
                dc = DataClass.valueOf(cls);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(f + "class must be D1, D2 or D3, got '" + cls + "'", e);
            }
            sets.add(new DestroyedDataset(period, dsId, dc, r.fixed(Codec.DIGEST_LENGTH, f + "hash")));
        }
        return new DestructionArgs(new DestructionRecord(id, group, plant, from, to, reason, at, readings, days, sets));
    }

    private static int count(CanonicalReader r, String field) {
        int n = r.i32(field);
        if (n < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + n);
        }
        return n;
    }

    private static PeriodKey period(CanonicalReader r, String group, String f) {
        LocalDate start = r.date(f + "period start");
        LocalDate end = r.date(f + "period end");
        int version = r.i32(f + "period version");
        try {
            return new PeriodKey(group, start, end, version);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f + "period: " + e.getMessage(), e);
        }
    }
}
