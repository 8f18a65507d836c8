package io.kamplatform.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image archive as `docker save` writes it (and Jib streams to `docker load`): manifest.json, the image config
 * and one tar (gzipped or not) per layer. Read as plain files, so no container engine is involved.
 */
record ImageArchive(JsonNode manifest, JsonNode config, List<Layer> layers) {

    /** One layer: the digest of its uncompressed content (the config's diff_id) and the paths it holds. */
    record Layer(String diffId, List<String> paths) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageArchive read(Path tarball) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) files.put(e.getName(), tar.readAllBytes());
            }
        }
        JsonNode manifest = JSON.readTree(required(files, "manifest.json")).get(0);
        JsonNode config = JSON.readTree(required(files, manifest.get("Config").asText()));
        List<Layer> layers = new ArrayList<>();
        for (JsonNode name : manifest.get("Layers")) layers.add(layer(required(files, name.asText())));
        return new ImageArchive(manifest, config, layers);
    }

    private static byte[] required(Map<String, byte[]> files, String name) {
        byte[] content = files.get(name);
        if (content == null) throw new AssertionError("the image archive has no " + name + " (it has " + files.keySet() + ")");
        return content;
    }

    private static Layer layer(byte[] content) throws IOException {
        MessageDigest sha256 = sha256();
        List<String> paths = new ArrayList<>();
        InputStream raw = new java.io.ByteArrayInputStream(content);
        boolean gzipped = content.length > 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
        try (InputStream uncompressed = new DigestInputStream(gzipped ? new GzipCompressorInputStream(raw) : raw, sha256);
             TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                paths.add(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
            }
            uncompressed.transferTo(java.io.OutputStream.nullOutputStream()); // the tar's padding counts in the digest
        }
        return new Layer("sha256:" + HexFormat.of().formatHex(sha256.digest()), paths);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean contains(String path) {
        return layers.stream().anyMatch(l -> l.paths().contains(path));
    }
}
