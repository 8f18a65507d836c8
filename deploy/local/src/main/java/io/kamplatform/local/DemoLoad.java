package io.kamplatform.local;

import io.kamplatform.crmimport.posting.BatchLoader;
import io.kamplatform.local.demo.DemoPortfolio;
import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.PlannedEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Loads the demo portfolio through the public batch APIs. The portfolio is generated relative to the day of
 * the first load, remembered in HOME/demo-date: generating it again on a later day would give the same event
 * ids other bodies, which the services rightly refuse. A re-run therefore posts nothing new.
 */
final class DemoLoad {

    private DemoLoad() {
    }

    static LoadResult run(Path home, long seed, String accountUrl, String relationshipUrl, String token, PrintStream out) {
        LocalDate day = firstLoadDay(home.resolve("demo-date"));
        List<PlannedEvent> events = DemoPortfolio.generate(seed, day);
        out.printf("  Loading the demo portfolio (seed %d, as of %s): %d events through the batch APIs%n", seed, day, events.size());
        long t = System.nanoTime();
        LoadResult result = BatchLoader.loadAll(events, URI.create(accountUrl), URI.create(relationshipUrl), () -> token, out);
        out.printf("%n  Demo portfolio: %d recorded, %d already there, %d rejected (%d s)%n", result.recorded(),
                result.duplicates(), result.rejected(), Duration.ofNanos(System.nanoTime() - t).toSeconds());
        result.rejections().stream().limit(10).forEach(r -> out.println("    rejected: " + r));
        return result;
    }

    private static LocalDate firstLoadDay(Path file) {
        try {
            if (Files.exists(file)) {
                return LocalDate.parse(Files.readString(file).trim());
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Files.writeString(file, today.toString());
            return today;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
