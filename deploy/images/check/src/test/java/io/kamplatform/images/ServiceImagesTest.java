package io.kamplatform.images;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three images the build writes are OCI image layout archives (blobs verified against their descriptors by
 * {@link ImageArchive}) and what the Kubernetes manifests expect: the tag the dev overlay deploys,
 * non-root user 185 (the Deployments' runAsUser), port 8080, the run-java.sh launcher that reads JAVA_MAX_MEM_RATIO,
 * the application where JAVA_APP_JAR points, labels, and layers whose content matches the config's digests.
 */
class ServiceImagesTest {

    private static final Path ROOT = Path.of(System.getProperty("kam.repository.root", "../../..")).toAbsolutePath().normalize();
    private static final String TAG = System.getProperty("kam.image.tag", "0.1.0-SNAPSHOT");
    private static final String LAUNCHER = "/opt/jboss/container/java/run/run-java.sh";

    @ParameterizedTest
    @ValueSource(strings = {"account-service", "relationship-service", "reporting-service"})
    void imageIsWhatTheDeploymentRuns(String service) throws Exception {
        Path tarball = ROOT.resolve(service).resolve("target/container-image/" + service + ".tar");
        assertThat(tarball).as("image tarball of %s (written by ./mvnw package without -DskipTests)", service).exists();
        ImageArchive image = ImageArchive.read(tarball);
        JsonNode config = image.config().get("config");

        assertThat(image.layoutVersion()).isEqualTo("1.0.0");
        assertThat(image.index().path("mediaType").asText()).isEqualTo(ImageArchive.INDEX);
        assertThat(image.index().get("manifests").get(0).path("mediaType").asText()).isEqualTo(ImageArchive.MANIFEST);
        assertThat(image.manifest().path("mediaType").asText()).isEqualTo(ImageArchive.MANIFEST);
        assertThat(image.manifest().path("config").path("mediaType").asText()).isEqualTo(ImageArchive.CONFIG);
        assertThat(image.refName()).isEqualTo("kam/" + service + ":" + TAG);
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
        assertThat(image.config().path("architecture").asText()).isEqualTo("amd64");
        assertThat(config.get("User").asText()).isEqualTo("185");
        assertThat(texts(config.get("Entrypoint"))).containsExactly(LAUNCHER);
        assertThat(fieldNames(config.get("ExposedPorts"))).containsExactly("8080/tcp");
        assertThat(texts(config.get("Env"))).contains("JAVA_APP_JAR=/deployments/quarkus-run.jar", "QUARKUS_HTTP_PORT=8080");
        JsonNode labels = config.get("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");

        List<String> diffIds = texts(image.config().get("rootfs").get("diff_ids"));
        assertThat(image.layers()).extracting(ImageArchive.Layer::mediaType).containsOnly(ImageArchive.GZIP_LAYER);
        assertThat(image.layers()).extracting(ImageArchive.Layer::diffId).containsExactlyElementsOf(diffIds);
        assertThat(image.contains(LAUNCHER.substring(1))).as("launcher in the base layer").isTrue();
        assertThat(image.contains("opt/java/bin/java") || image.contains("usr/bin/java")).as("a Java runtime").isTrue();
        assertThat(image.contains("deployments/quarkus-run.jar")).as("the application").isTrue();
        assertThat(image.contains("deployments/lib/boot/" )|| image.layers().stream()
            .anyMatch(l -> l.paths().stream().anyMatch(p -> p.startsWith("deployments/lib/main/")))).as("its libraries").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-service", "relationship-service", "reporting-service"})
    void devOverlayDeploysTheTagTheBuildWrites(String service) throws Exception {
        String dev = Files.readString(ROOT.resolve("deploy/kubernetes/overlays/dev/kustomization.yaml"));
        var entry = Pattern.compile("- name: kam/" + Pattern.quote(service) + "\\s+newTag: (\\S+)").matcher(dev);
        assertThat(entry.find()).as("dev overlay pins kam/%s", service).isTrue();
        assertThat(entry.group(1)).isEqualTo(TAG);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        if (object != null) object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
