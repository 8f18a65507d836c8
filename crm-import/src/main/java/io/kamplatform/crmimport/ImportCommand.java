package io.kamplatform.crmimport;

import io.kamplatform.crmimport.posting.BatchLoader;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.Progress;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./crm-import/import (or ./deploy/local/import) --mapping FILE --accounts FILE --deals FILE [--products FILE] [--contacts FILE]
 * [--activities FILE] [--teams FILE] [--plans FILE] [--dry-run]
 * [--account-url URL] [--relationship-url URL] [--token TOKEN]} (token default: env {@code KAM_TOKEN_CRM_WRITER}).
 * Exit code 0: everything imported; 2: some rows or events were rejected, or the mapping has problems (see the
 * report); 1: usage or I/O error.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--dry-run")) {
                dryRun = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                usage();
                return 0;
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                System.err.println("unknown argument: " + arg);
                usage();
                return 1;
            }
        }
        if (!options.containsKey("mapping") || !options.containsKey("accounts") && !options.containsKey("deals")
                && !options.containsKey("contacts") && !options.containsKey("activities") && !options.containsKey("plans")) {
            usage();
            return 1;
        }
        try {
            ImportMapping mapping = ImportMapping.load(Path.of(options.get("mapping")));
            Progress progress = new Progress(System.err, "rows", 0);
            EventSink sink;
            if (dryRun) {
                sink = EventSink.counting();
            } else {
                String token = options.getOrDefault("token", System.getenv("KAM_TOKEN_CRM_WRITER"));
                if (token == null || token.isBlank()) {
                    System.err.println("no token: pass --token or set KAM_TOKEN_CRM_WRITER (role crm-writer)");
                    return 1;
                }
                sink = BatchLoader.create(URI.create(options.getOrDefault("account-url", "http://localhost:8081")),
                        URI.create(options.getOrDefault("relationship-url", "http://localhost:8082")), () -> token, null);
            }
            CsvImport.Files files = new CsvImport.Files(path(options, "accounts"), path(options, "deals"),
                    path(options, "products"), path(options, "contacts"), path(options, "activities"),
                    path(options, "teams"), path(options, "plans"));
            ImportReport report = new CsvImport(mapping, LocalDate.now(ZoneOffset.UTC), progress).run(files, sink, dryRun);
            progress.finish();
            report.print(System.out);
            return report.clean() ? 0 : 2;
        } catch (Exception e) {
            System.err.println("import failed: " + e.getMessage());
            return 1;
        }
    }

    private static Path path(Map<String, String> options, String name) {
        return options.containsKey(name) ? Path.of(options.get(name)) : null;
    }

    private static void usage() {
        System.err.println("usage: import --mapping FILE [--accounts FILE] [--deals FILE] [--products FILE]\n"
                + "              [--contacts FILE] [--activities FILE] [--teams FILE] [--plans FILE] [--dry-run]\n"
                + "              [--account-url http://localhost:8081] [--relationship-url http://localhost:8082]\n"
                + "              [--token TOKEN]   (default: env KAM_TOKEN_CRM_WRITER, role crm-writer)");
    }
}
