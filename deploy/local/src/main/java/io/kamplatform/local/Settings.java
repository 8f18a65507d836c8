package io.kamplatform.local;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a setting from a system property or the environment. {@code KAM_INFRA_MODE} is looked up as the system
 * properties {@code KAM_INFRA_MODE} and {@code kam.infra.mode}, then as the environment variable.
 */
final class Settings {

    private Settings() {
    }

    static Optional<String> get(String envName) {
        String dotted = envName.toLowerCase(Locale.ROOT).replace('_', '.');
        for (String value : new String[] {System.getProperty(envName), System.getProperty(dotted), System.getenv(envName)}) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    static String require(String envName, String purpose) {
        return get(envName).orElseThrow(() -> new IllegalStateException(
                "Set " + envName + " (environment variable or system property) to " + purpose));
    }
}
