package io.kamplatform.crmimport.posting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

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
