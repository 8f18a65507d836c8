package io.kamplatform.bench.platform;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the repository is, the ports a platform run uses, and environment variables for the launcher and the
 * services it starts (e.g. {@code JAVA_TOOL_OPTIONS} to change a service setting for one run).
 */
public record PlatformSettings(Path repo, int basePort, int kafkaPort, int postgresPort, Map<String, String> environment) {
}
