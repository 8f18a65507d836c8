package io.kamplatform.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Children run in a session of their own ({@code setsid}), out of the terminal's process group: Ctrl-C then
 * reaches the launcher only, which stops services, Kafka and PostgreSQL in that order, instead of all of them
 * getting SIGINT at once. {@code setsid} execs the command (a child of the JVM is no group leader), so the pid
 * stays the command's own. Where there is no {@code setsid} (macOS) the command runs as it is.
 */
final class OwnSession {

    private static final String SETSID = find();

    private OwnSession() {
    }

    static List<String> command(List<String> command) {
        if (SETSID == null) {
            return command;
        }
        List<String> result = new ArrayList<>(command.size() + 1);
        result.add(SETSID);
        result.addAll(command);
        return result;
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
