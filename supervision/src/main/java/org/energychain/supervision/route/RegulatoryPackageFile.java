package org.energychain.supervision.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.energychain.crypto.HashFunction;
import org.energychain.crypto.Hex;
import org.energychain.supervision.classify.Dataset;
import org.energychain.supervision.classify.Point;

/**
 * Writes a {@link RegulatoryPackage} as a JSON file for the regulator, atomically (temporary file, then
 * rename), so a crash never leaves half a package behind; reads back what a filing declares of it.
 */
public final class RegulatoryPackageFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegulatoryPackageFile() {
    }

    /** Writes {@code d2-<group>-<start>-<end>.json} into {@code dir} and returns its path. */
    public static Path write(RegulatoryPackage p, HashFunction h, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("d2-" + p.groupId() + "-" + p.start() + "-" + p.end() + ".json");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "energychain-d2/v1");
        root.put("hash", p.hash());
        root.put("group", p.groupId());
        root.put("periodStart", p.start().toString());
        root.put("periodEnd", p.end().toString());
        root.put("groupRoot", Hex.encode(p.groupRoot()));
        root.put("hashD2", Hex.encode(p.digest(h)));
        ArrayNode ds = root.putArray("datasets");
        for (Dataset d : p.datasets()) {
            ObjectNode n = ds.addObject();
            n.put("id", d.id());
            n.put("rule", d.rule());
            n.put("plant", d.info().unitId());
            n.put("energyType", d.info().energyType());
            n.put("dataType", d.info().dataType());
            n.put("measurement", d.info().measurement());
            n.put("unit", d.info().measurementUnit());
            n.put("derivation", d.info().derivation());
            n.put("hash", Hex.encode(d.digest(h)));
            ArrayNode pts = n.putArray("points");
            for (Point pt : d.points()) {
                pts.addArray().add(pt.time().toString()).add(pt.value().toPlainString());
            }
        }
        Path tmp = Files.createTempFile(dir, ".d2-", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            JSON.writeValue(out, root);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * The number of D2 datasets in the package file {@code file}, which must be the package of
     * {@code hashD2} (what {@link #write} wrote for it).
     *
     * @throws IOException if the file cannot be read or is not JSON
     * @throws IllegalArgumentException if the file is of another package or has no datasets array
     */
    public static int datasetCount(Path file, byte[] hashD2) throws IOException {
        JsonNode doc;
        try {
            doc = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read the D2 package " + file + ": " + e.getMessage(), e);
        }
        String declared = doc.path("hashD2").asText("");
        if (!declared.equalsIgnoreCase(Hex.encode(hashD2))) {
            throw new IllegalArgumentException("the D2 package " + file + " has hashD2 " + declared
                    + ", the ingest result " + Hex.encode(hashD2) + " (written by another ingest?)");
        }
        JsonNode datasets = doc.get("datasets");
        if (datasets == null || !datasets.isArray()) {
            throw new IllegalArgumentException("the D2 package " + file + " has no datasets array");
        }
        return datasets.size();
    }
}
