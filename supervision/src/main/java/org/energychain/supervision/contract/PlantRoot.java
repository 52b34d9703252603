package org.energychain.supervision.contract;

import java.util.Arrays;
import org.energychain.crypto.Hex;

/** One plant's period root {@code Hash^j} as anchored: the plant id and the 32-byte root. */
public record PlantRoot(String plantId, byte[] root) {
    public PlantRoot {
        Codec.id(plantId, "plant id");
        root = Codec.digest(root, "plant root of " + plantId);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlantRoot p && plantId.equals(p.plantId) && Arrays.equals(root, p.root);
    }

    @Override
    public int hashCode() {
        return plantId.hashCode() * 31 + Arrays.hashCode(root);
    }

    @Override
    public String toString() {
        return plantId + "=" + Hex.encode(root);
    }
}
