package io.kamplatform.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The log file of a managed process. A first start overwrites it; a restart appends, after a marker line, so the
 * output that led to the crash stays readable.
 */
record LogFile(Path path) {

    ProcessBuilder.Redirect redirect(boolean restart) {
        if (!restart) {
            return ProcessBuilder.Redirect.to(path.toFile());
        }
        try {
            Files.writeString(path, "%n---- restarted by the KAM launcher at %s ----%n".formatted(Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the marker is a courtesy
        }
        return ProcessBuilder.Redirect.appendTo(path.toFile());
    }

    /** The last {@code lines} lines, read leniently (a process may die in the middle of a character). */
    String tail(int lines) {
        try {
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            List<String> all = new ArrayList<>(text.lines().toList());
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + path + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
