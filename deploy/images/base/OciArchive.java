import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.file.PathUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites a `docker save` archive as an OCI image layout archive (oci-layout, index.json, blobs/sha256/...), with Jib
 * itself: Quarkus's Jib extension always builds Docker-format images and offers no tarball output, so the image it
 * hands to `docker load` is taken as the base of a Jib build that adds nothing and writes the OCI format. Config
 * (entrypoint, user, env, ports, labels, working directory) and layer contents are inherited unchanged.
 *
 * <p>Run with Java's source launcher on jib-core's class path (docker-to-tarball does):
 * {@code java -cp <jib-core class path> OciArchive.java IN.tar OUT.tar}. The image reference (e.g.
 * kam/account-service:0.1.0) is the input's RepoTags entry and lands in index.json's
 * org.opencontainers.image.ref.name annotation.
 */
public final class OciArchive {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OciArchive DOCKER_ARCHIVE.tar OCI_ARCHIVE.tar");
        }
        Path dockerArchive = Path.of(args[0]);
        Path ociArchive = Path.of(args[1]);
        String reference = repoTag(dockerArchive);
        Path caches = Files.createTempDirectory("kam-oci-archive");
        try {
            Jib.from(TarImage.at(dockerArchive))
                    .setFormat(ImageFormat.OCI)
                    .containerize(Containerizer.to(TarImage.at(ociArchive).named(reference))
                            .setBaseImageLayersCache(caches.resolve("base"))
                            .setApplicationLayersCache(caches.resolve("application"))
                            .setOfflineMode(true));
        } finally {
            PathUtils.deleteDirectory(caches);
        }
        System.out.println("OCI image layout archive of " + reference + ": " + ociArchive);
    }

    /** The first RepoTags entry of the archive's manifest.json: the name and tag Quarkus gave the image. */
    private static String repoTag(Path dockerArchive) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(dockerArchive))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.getName().equals("manifest.json")) {
                    return new ObjectMapper().readTree(tar).get(0).get("RepoTags").get(0).asText();
                }
            }
        }
        throw new IOException(dockerArchive + " has no manifest.json: not a docker save archive");
    }
}
