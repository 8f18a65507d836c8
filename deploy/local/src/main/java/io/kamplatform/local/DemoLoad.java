package io.kamplatform.local;

import io.kamplatform.crmimport.posting.BatchLoader;
import io.kamplatform.local.demo.DemoPortfolio;
import io.kamplatform.local.demo.DemoStories;
import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.PlannedEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Loads the demo portfolio through the public batch APIs. The portfolio is generated relative to the day of
 * the first load, remembered in HOME/demo-date: generating it again on a later day would give the same event
 * ids other bodies, which the services rightly refuse. A re-run therefore posts nothing new.
 * <p>
 * The facts the demo says the CRM recorded late ({@link DemoStories#recordedLate}) are posted after the rest, a second
 * later; the instant between the two loads is remembered in HOME/demo-known-at, so "as known at" that instant
 * ({@code asKnownAt}) answers without them and "as known now" with them: the README's bitemporal example.
 */
final class DemoLoad {

    private DemoLoad() {
    }

    static LoadResult run(Path home, long seed, String accountUrl, String relationshipUrl, String token, PrintStream out) {
        LocalDate day = firstLoadDay(home.resolve("demo-date"));
        List<PlannedEvent> events = DemoPortfolio.generate(seed, day);
        List<PlannedEvent> onTime = events.stream().filter(e -> !DemoStories.recordedLate(e)).toList();
        List<PlannedEvent> late = events.stream().filter(DemoStories::recordedLate).toList();
        out.printf("  Loading the demo portfolio (seed %d, as of %s): %d events through the batch APIs%n", seed, day, events.size());
        long t = System.nanoTime();
        LoadResult first = BatchLoader.loadAll(onTime, URI.create(accountUrl), URI.create(relationshipUrl), () -> token, out);
        Instant knownBefore = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        pause(Duration.ofSeconds(1)); // the late facts' recorded times fall clearly after knownBefore
        LoadResult second = BatchLoader.loadAll(late, URI.create(accountUrl), URI.create(relationshipUrl), () -> token, out);
        if (second.recorded() > 0) { // recorded now, after the rest: the boundary holds (a re-run records nothing)
            write(home.resolve(KNOWN_BEFORE_LATE), knownBefore.toString());
        }
        LoadResult result = first.and(second);
        out.printf("%n  Demo portfolio: %d recorded, %d already there, %d rejected (%d s)%n", result.recorded(),
                result.duplicates(), result.rejected(), Duration.ofNanos(System.nanoTime() - t).toSeconds());
        result.rejections().stream().limit(10).forEach(r -> out.println("    rejected: " + r));
        return result;
    }

    static final String KNOWN_BEFORE_LATE = "demo-known-at";

    /** The instant after the demo's on-time facts and before its late ones were recorded, when this home loaded them. */
    static Optional<Instant> knownBeforeLate(Path home) {
        Path file = home.resolve(KNOWN_BEFORE_LATE);
        try {
            return Files.exists(file) ? Optional.of(Instant.parse(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String value) {
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
