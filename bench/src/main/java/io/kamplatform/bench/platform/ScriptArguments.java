package io.kamplatform.bench.platform;

import java.nio.file.Path;
import java.util.function.BiFunction;

/** What every bench script does first: quiet client logs, the repository root, its options or its usage. */
public final class ScriptArguments {

    private ScriptArguments() {
    }

    /** The repository root the scripts pass as {@code -Dkam.repo}, with the Kafka clients' logging quietened. */
    public static Path repository() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        return Path.of(System.getProperty("kam.repo", ".")).toAbsolutePath().normalize();
    }

    /**
     * The script's options, or null after printing {@code usage} when the parser answers null (--help). A bad option
     * prints the parser's message and exits with status 2.
     */
    public static <O> O options(String[] args, BiFunction<Path, String[], O> parse, String usage) {
        Path repo = repository();
        O options;
        try {
            options = parse.apply(repo, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return null;
        }
        if (options == null) {
            System.out.println(usage);
        }
        return options;
    }
}
