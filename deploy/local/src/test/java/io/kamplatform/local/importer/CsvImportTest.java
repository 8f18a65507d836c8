package io.kamplatform.local.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.local.demo.BatchLoader;
import io.kamplatform.local.demo.EventSink;
import io.kamplatform.local.demo.FakePlatform;
import io.kamplatform.local.demo.LoadResult;
import io.kamplatform.local.demo.PlannedEvent;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    @Test
    void messyFixturesGiveTheExactRejectionReport() throws Exception {
        List<PlannedEvent> events = new ArrayList<>();
        ImportReport report = importer().run(fixtures(), collecting(events), true);
        assertEquals(List.of(
                "products.csv:4: duplicate product 'Sensor  kit' (first on line 3)",
                "accounts.csv:5: unknown parent account 'MISSING-PARENT'",
                "accounts.csv:6: duplicate id 'BETA' (first on line 4)",
                "accounts.csv:7: unknown country 'Nederland'",
                "accounts.csv:8: unparseable amount 'lots'",
                "deals.csv:6: unknown account 'GAMMA'",
                "deals.csv:7: unknown account 'NOBODY'",
                "deals.csv:8: unparseable date '31/13/2025'",
                "deals.csv:9: unparseable amount 'a lot'",
                "deals.csv:10: unknown product 'Flux Capacitor'",
                "deals.csv:11: duplicate id 'D1' (first on line 2)",
                "deals.csv:12: unknown stage 'Closed Wonn'"),
                report.rejections().stream().map(Object::toString).toList());
        assertEquals(7 + 3 + 12, report.rowsRead());
        assertEquals(12, report.rowsRejected());
        assertEquals(3, report.dealsWon());
        assertEquals(1, report.dealsLost());
        assertEquals(1, report.dealsOpen());
        assertEquals(11, report.eventsPlanned());

        // parents first, then the rest; ids from source rows
        List<String> ids = events.stream().map(PlannedEvent::eventId).toList();
        assertEquals(List.of("crm-account-ACME-GROUP", "crm-account-BETA", "crm-account-BETA-potential",
                "crm-account-ACME-DE", "crm-account-ACME-DE-potential", "crm-deal-D1-revenue", "crm-deal-D1-contract",
                "crm-deal-D2-revenue", "crm-deal-D2-contract", "crm-deal-D11-revenue", "crm-deal-D11-contract"), ids);
        PlannedEvent acme = events.get(3);
        assertEquals("Manufacturing", acme.data().get("sector").asText());
        assertEquals("DE", acme.data().get("country").asText());
        assertEquals("1200000.00", events.get(4).data().get("annualPotential").get("amount").asText());
        PlannedEvent d1 = events.get(6);
        assertEquals("10000.00", d1.data().get("listValue").get("amount").asText());
        assertEquals("9000.00", d1.data().get("annualValue").get("amount").asText());
        assertEquals("2026-03-13", d1.data().get("endsOn").asText());
        assertEquals("deals.csv:2", d1.origin());
        PlannedEvent d2 = events.get(7);
        assertEquals("2025-04", d2.data().get("month").asText());
        assertEquals("1400.00", d2.data().get("costOfSales").get("amount").asText());
        PlannedEvent d11 = events.get(10);
        assertEquals("990.00", d11.data().get("annualValue").get("amount").asText());
        assertEquals("1250.00", d11.data().get("listValue").get("amount").asText());
        assertEquals("2025-07-01", d11.data().get("startsOn").asText());
        assertEquals(0, new BigDecimal("30.00").compareTo(d11.data().get("expectedMarginPct").decimalValue()));
    }

    @Test
    void dryRunPostsNothingAndReImportPostsNothingNew() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            ImportReport dry = importer().run(fixtures(), EventSink.counting(), true);
            assertTrue(platform.stored.isEmpty());
            assertEquals(11, dry.eventsPlanned());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            dry.print(new PrintStream(text, true, StandardCharsets.UTF_8));
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("rows read: 22, rows rejected: 12"), text.toString());

            LoadResult first = importer().run(fixtures(), loader(platform), false).load();
            assertEquals(11, first.recorded(), first.rejections().toString());
            assertEquals(11, platform.stored.size());
            LoadResult again = importer().run(fixtures(), loader(platform), false).load();
            assertEquals(0, again.recorded());
            assertEquals(11, again.duplicates());
            assertEquals(11, platform.stored.size());
        }
    }

    @Test
    void streamsAHundredThousandDeals(@TempDir Path dir) throws Exception {
        Path accounts = dir.resolve("accounts.csv");
        Path deals = dir.resolve("deals.csv");
        try (BufferedWriter out = Files.newBufferedWriter(accounts)) {
            out.write("Account ID,Account Name,Parent Account ID,Industry,Billing Country,Annual Potential\n");
            for (int i = 0; i < 1000; i++) {
                out.write("A" + i + ",Account " + i + ",,Retail,DE,100000\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(deals)) {
            out.write("Opportunity ID,Account ID,Stage,Close Date,Amount,Product,Quantity\n");
            for (int i = 0; i < 100_000; i++) {
                out.write("D" + i + ",A" + (i % 1000) + "," + (i % 3 == 0 ? "Closed Lost" : "Closed Won")
                        + ",2025-0" + (1 + i % 9) + "-15," + (1000 + i) + ",,\n");
            }
        }
        long started = System.nanoTime();
        ImportReport report = importer().run(new CsvImport.Files(accounts, deals, null), EventSink.counting(), true);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(101_000, report.rowsRead());
        assertEquals(0, report.rowsRejected());
        assertEquals(33_334, report.dealsLost());
        assertEquals(2000 + 2 * 66_666, report.eventsPlanned());
        assertTrue(millis < 30_000, "took " + millis + " ms");
    }

    private static CsvImport importer() throws Exception {
        return new CsvImport(ImportMapping.load(resource("mapping.yaml")), TODAY, null);
    }

    private static CsvImport.Files fixtures() throws URISyntaxException {
        return new CsvImport.Files(resource("accounts.csv"), resource("deals.csv"), resource("products.csv"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CsvImportTest.class.getResource("/importer/" + name).toURI());
    }

    private static BatchLoader loader(FakePlatform platform) {
        return BatchLoader.create(platform.url(), platform.url(), () -> "t", null)
                .unknownAccountPatience(Duration.ofSeconds(5), Duration.ofMillis(20));
    }

    private static EventSink collecting(List<PlannedEvent> events) {
        return new EventSink() {
            @Override
            public void accept(PlannedEvent event) {
                events.add(event);
            }

            @Override
            public LoadResult finish() {
                return LoadResult.dryRun(events.size());
            }
        };
    }
}
