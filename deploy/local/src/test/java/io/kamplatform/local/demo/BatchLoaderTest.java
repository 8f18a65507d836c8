package io.kamplatform.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

    @Test
    void loadsTheDemoInBatchesAndARerunRecordsNothing() throws Exception {
        List<PlannedEvent> events = DemoPortfolio.generate(1, LocalDate.of(2026, 3, 18));
        try (FakePlatform platform = new FakePlatform()) {
            platform.unknownAccountAnswers.set(3);
            ByteArrayOutputStream bar = new ByteArrayOutputStream();
            LoadResult first = loader(platform, new Progress(new PrintStream(bar, true, StandardCharsets.UTF_8), "events",
                    events.size())).load(events);
            assertEquals(events.size(), first.recorded(), first.rejections().toString());
            assertEquals(0, first.rejected());
            assertEquals("Bearer t0k3n", platform.lastAuthorization);
            assertTrue(platform.batchSizes.stream().allMatch(n -> n <= 500));
            String text = bar.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("100% " + events.size() + "/" + events.size() + " events"), text);

            LoadResult again = loader(platform, null).load(events);
            assertEquals(0, again.recorded());
            assertEquals(events.size(), again.duplicates());
        }
    }

    @Test
    void reportsRejectionsAndGivesUpOnAccountsNeverLearnt() throws Exception {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        List<PlannedEvent> events = List.of(
                new PlannedEvent(PlannedEvent.Service.ACCOUNT, "A", "e1", "AccountRegistered", at, EventData.object()),
                new PlannedEvent(PlannedEvent.Service.ACCOUNT, "A", "e2", "Bad", at, EventData.object(), "x.csv:3"),
                new PlannedEvent(PlannedEvent.Service.RELATIONSHIP, "A", "e3", "ContactAdded", at, EventData.object()),
                new PlannedEvent(PlannedEvent.Service.RELATIONSHIP, "NOPE", "e4", "ContactAdded", at, EventData.object()));
        try (FakePlatform platform = new FakePlatform()) {
            LoadResult result = loader(platform, null).unknownAccountPatience(Duration.ofMillis(300), Duration.ofMillis(50))
                    .load(events);
            assertEquals(2, result.recorded());
            assertEquals(2, result.rejected());
            assertEquals("x.csv:3: Bad e2 (account A): urn:kam-platform:problem:rule-violation BAD - bad event",
                    result.rejections().get(0).toString());
            assertEquals("urn:kam-platform:problem:unknown-account", result.rejections().get(1).problemType());
        }
    }

    @Test
    void progressBarRendering() {
        Progress progress = new Progress(null, "events", 10);
        progress.advance(5);
        assertEquals("[###############...............]  50% 5/10 events", progress.render());
    }

    private static BatchLoader loader(FakePlatform platform, Progress progress) {
        return BatchLoader.create(platform.url(), platform.url(), () -> "t0k3n", progress)
                .unknownAccountPatience(Duration.ofSeconds(5), Duration.ofMillis(20));
    }
}
