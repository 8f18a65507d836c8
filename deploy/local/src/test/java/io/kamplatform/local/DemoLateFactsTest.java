package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.crmimport.posting.FakePlatform;
import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.local.demo.DemoPortfolio;
import io.kamplatform.local.demo.DemoStories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's late-recorded fact (ALPINA-FOODS's sponsor leaving, told to the CRM only now) is posted after the rest,
 * and the instant between the two loads is remembered for the bitemporal example; a re-run keeps it.
 */
class DemoLateFactsTest {

    @Test
    void onlyTheSponsorsDepartureIsRecordedLate() {
        List<PlannedEvent> late = DemoPortfolio.generate(DemoPortfolio.DEFAULT_SEED, LocalDate.of(2026, 3, 18)).stream()
                .filter(DemoStories::recordedLate).toList();
        assertEquals(1, late.size(), late.toString());
        assertEquals(DemoStories.SPONSOR_LEFT, late.get(0).accountId());
        assertEquals("ContactLeft", late.get(0).type());
    }

    @Test
    void theBoundaryIsWrittenWhenTheLateFactIsRecordedAndKeptOnARerun(@TempDir Path home) throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            Instant before = Instant.now();
            LoadResult first = DemoLoad.run(home, 3, platform.url().toString(), platform.url().toString(), "t0k3n", out);
            Instant after = Instant.now();
            assertEquals(0, first.rejected(), first.rejections().toString());
            assertEquals(first.planned(), first.recorded());
            Instant knownBefore = DemoLoad.knownBeforeLate(home).orElseThrow();
            assertTrue(!knownBefore.isBefore(before.minusMillis(1)) && knownBefore.isBefore(after.minusMillis(900)),
                    "between the loads, a second before the late one: " + knownBefore);

            LoadResult again = DemoLoad.run(home, 3, platform.url().toString(), platform.url().toString(), "t0k3n", out);
            assertEquals(0, again.recorded());
            assertEquals(knownBefore, DemoLoad.knownBeforeLate(home).orElseThrow());
            assertEquals(knownBefore.toString(), Files.readString(home.resolve("demo-known-at")));
        }
    }

    @Test
    void theExampleAsksAboutYesterdayAsKnownAtTheBoundary() {
        Instant knownBefore = LocalDate.of(2026, 3, 18).atTime(10, 15).toInstant(ZoneOffset.UTC);
        assertEquals("/api/reports/accounts/ALPINA-FOODS/dmu?asOf=2026-03-17&asKnownAt=2026-03-18T10:15:00Z",
                DemoStories.asKnownAtExample(knownBefore));
    }
}
