package io.kamplatform.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.crmimport.posting.BatchLoader;
import io.kamplatform.crmimport.posting.FakePlatform;
import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo portfolio goes through the CRM import's batch-posting client, against a fake platform. */
class DemoLoadTest {

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

    private static BatchLoader loader(FakePlatform platform, Progress progress) {
        return BatchLoader.create(platform.url(), platform.url(), () -> "t0k3n", progress)
                .unknownAccountPatience(Duration.ofSeconds(5), Duration.ofMillis(20));
    }
}
