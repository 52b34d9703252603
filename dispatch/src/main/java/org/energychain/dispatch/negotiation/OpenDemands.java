package org.energychain.dispatch.negotiation;

import java.util.ArrayList;
import java.util.List;
import org.energychain.crypto.encoding.CanonicalReader;
import org.energychain.crypto.encoding.CanonicalWriter;

/** The answer of {@code open-demands}: ids in key order. Encoding: tag {@code EC/nego/open/v1}, i32 n, n x string. */
public record OpenDemands(List<String> demandIds) {
    public static final String TAG = "EC/nego/open/v1";
    static final int MAX = 1000;

    public OpenDemands {
        demandIds = List.copyOf(demandIds);
    }

    public byte[] encode() {
        CanonicalWriter w = CanonicalWriter.tagged(TAG).i32(demandIds.size());
        demandIds.forEach(w::string);
        return w.toByteArray();
    }

    public static OpenDemands decode(byte[] b) {
        CanonicalReader r = new CanonicalReader(b).expectTag(TAG);
        int n = Wire.count(r, "open demands", MAX);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(r.string("demand id"));
        }
        r.end();
        return new OpenDemands(ids);
    }
}
