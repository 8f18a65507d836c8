package io.kamplatform.images;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reader trusts nothing it has not checked: an archive whose blob does not match its descriptor is refused. */
class ImageArchiveTest {

    @TempDir
    Path dir;

    @Test
    void readsALayoutFollowingIndexManifestConfigAndLayers() throws Exception {
        ImageArchive image = ImageArchive.read(archive(false));

        assertThat(image.layoutVersion()).isEqualTo("1.0.0");
        assertThat(image.refName()).isEqualTo("kam/example:1.0");
        assertThat(image.config().get("config").get("User").asText()).isEqualTo("185");
        assertThat(image.layers()).singleElement().satisfies(layer -> {
            assertThat(layer.mediaType()).isEqualTo(ImageArchive.GZIP_LAYER);
            assertThat(layer.paths()).containsExactly("deployments/app.txt");
        });
        assertThat(image.layers().get(0).diffId()).isEqualTo(image.config().get("rootfs").get("diff_ids").get(0).asText());
    }

    @Test
    void aBlobThatIsNotWhatItsDescriptorSaysIsRefused() throws Exception {
        Path tampered = archive(true);
        assertThatThrownBy(() -> ImageArchive.read(tampered)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("its descriptor says");
    }

    /** A one-layer OCI image layout archive; {@code tamper} swaps the layer's content after its digest was taken. */
    private Path archive(boolean tamper) throws Exception {
        byte[] layerTar = tar(Map.of("deployments/app.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        byte[] layer = gzip(layerTar);
        String layerDigest = sha256(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"User\":\"185\"},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + sha256(layerTar) + "\"]}}").getBytes(StandardCharsets.UTF_8);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + ImageArchive.MANIFEST + "\",\"config\":{\"mediaType\":\""
                + ImageArchive.CONFIG + "\",\"digest\":\"" + sha256(config) + "\",\"size\":" + config.length + "},"
                + "\"layers\":[{\"mediaType\":\"" + ImageArchive.GZIP_LAYER + "\",\"digest\":\"" + layerDigest + "\",\"size\":"
                + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + ImageArchive.INDEX + "\",\"manifests\":[{\"mediaType\":\""
                + ImageArchive.MANIFEST + "\",\"digest\":\"" + sha256(manifest) + "\",\"size\":" + manifest.length
                + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"kam/example:1.0\"}}]}").getBytes(StandardCharsets.UTF_8);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        files.put("index.json", index);
        files.put(blob(manifest), manifest);
        files.put(blob(config), config);
        files.put("blobs/sha256/" + layerDigest.substring(7), tamper ? gzip(tar(Map.of("deployments/app.txt",
                "HELLO".getBytes(StandardCharsets.UTF_8)))) : layer);
        Path file = dir.resolve(tamper ? "tampered.tar" : "image.tar");
        Files.write(file, tar(files));
        return file;
    }

    private static String blob(byte[] content) throws Exception {
        return "blobs/sha256/" + sha256(content).substring(7);
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (var f : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                entry.setSize(f.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] content) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
