package io.kamplatform.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * An OCI image layout archive (image-spec "image layout"): {@code oci-layout}, {@code index.json} and content-addressed
 * {@code blobs/sha256/<hex>}. Read as plain files, so no container engine is involved: index → manifest → config and
 * layers, each blob checked against the digest and size of the descriptor that names it, as a registry or runtime
 * would before trusting it.
 */
record ImageArchive(String layoutVersion, JsonNode index, JsonNode manifest, JsonNode config, List<Layer> layers) {

    static final String INDEX = "application/vnd.oci.image.index.v1+json";
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    /** One layer: its media type, the digest of its uncompressed content (the config's diff_id) and its paths. */
    record Layer(String mediaType, String diffId, List<String> paths) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static ImageArchive read(Path tarball) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) files.put(e.getName().replaceFirst("^\\./", ""), tar.readAllBytes());
            }
        }
        String layoutVersion = JSON.readTree(required(files, "oci-layout")).path("imageLayoutVersion").asText();
        JsonNode index = JSON.readTree(required(files, "index.json"));
        if (index.path("manifests").size() != 1) {
            throw new AssertionError("index.json should name exactly one image manifest: " + index);
        }
        JsonNode manifest = JSON.readTree(blob(files, index.get("manifests").get(0)));
        JsonNode config = JSON.readTree(blob(files, manifest.get("config")));
        List<Layer> layers = new ArrayList<>();
        for (JsonNode descriptor : manifest.get("layers")) {
            layers.add(layer(descriptor.path("mediaType").asText(), blob(files, descriptor)));
        }
        return new ImageArchive(layoutVersion, index, manifest, config, layers);
    }

    /** The image reference the archive carries (index.json's org.opencontainers.image.ref.name annotation). */
    String refName() {
        return index.get("manifests").get(0).path("annotations").path("org.opencontainers.image.ref.name").asText(null);
    }

    boolean contains(String path) {
        return layers.stream().anyMatch(l -> l.paths().contains(path));
    }

    /** The blob a descriptor names, after checking that its content has the descriptor's digest and size. */
    private static byte[] blob(Map<String, byte[]> files, JsonNode descriptor) {
        String digest = descriptor.path("digest").asText();
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new AssertionError("not a sha256 descriptor: " + descriptor);
        }
        byte[] content = required(files, "blobs/sha256/" + digest.substring("sha256:".length()));
        String actual = "sha256:" + HexFormat.of().formatHex(sha256().digest(content));
        if (!actual.equals(digest) || content.length != descriptor.path("size").asLong(-1)) {
            throw new AssertionError("blob " + digest + " has digest " + actual + " and size " + content.length
                    + ", its descriptor says " + descriptor);
        }
        return content;
    }

    private static byte[] required(Map<String, byte[]> files, String name) {
        byte[] content = files.get(name);
        if (content == null) throw new AssertionError("the image archive has no " + name + " (it has " + files.keySet() + ")");
        return content;
    }

    private static Layer layer(String mediaType, byte[] content) throws IOException {
        MessageDigest sha256 = sha256();
        List<String> paths = new ArrayList<>();
        InputStream raw = new ByteArrayInputStream(content);
        boolean gzipped = mediaType.endsWith("+gzip");
        try (InputStream uncompressed = new DigestInputStream(gzipped ? new GzipCompressorInputStream(raw) : raw, sha256);
             TarArchiveInputStream tar = new TarArchiveInputStream(uncompressed)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                paths.add(e.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
            }
            uncompressed.transferTo(OutputStream.nullOutputStream()); // the tar's padding counts in the digest
        }
        return new Layer(mediaType, "sha256:" + HexFormat.of().formatHex(sha256.digest()), paths);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
