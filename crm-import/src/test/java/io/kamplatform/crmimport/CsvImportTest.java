package io.kamplatform.crmimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.crmimport.posting.BatchLoader;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.FakePlatform;
import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.PlannedEvent;
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
                "deals.csv:6: account 'GAMMA' was rejected (accounts.csv:5: unknown parent account 'MISSING-PARENT')",
                "deals.csv:7: unknown account 'NOBODY'",
                "deals.csv:8: unparseable date '31/13/2025'",
                "deals.csv:9: unparseable amount 'a lot'",
                "deals.csv:10: unknown product 'Flux Capacitor'",
                "deals.csv:11: duplicate id 'D1' (first on line 2)",
                "deals.csv:12: unknown stage 'Closed Wonn'",
                "contacts.csv:5: account 'GAMMA' was rejected (accounts.csv:5: unknown parent account 'MISSING-PARENT')",
                "contacts.csv:6: unknown buying role 'Wizard'",
                "contacts.csv:7: unknown level 'Intern'",
                "contacts.csv:8: duplicate id 'C2' (first on line 3)",
                "contacts.csv:9: missing contact name",
                "contacts.csv:10: missing contact id",
                "activities.csv:5: two-way VISIT names no contact (a two-way interaction needs at least one)",
                "activities.csv:6: unknown account 'NOBODY'",
                "activities.csv:7: unknown contact 'C99'",
                "activities.csv:8: contact 'C3' belongs to account 'BETA', not 'ACME-DE'",
                "activities.csv:9: contact 'C5' was not imported (contacts.csv:6)",
                "activities.csv:10: unparseable date '31/13/2025'",
                "activities.csv:11: unknown kind 'Smoke Signal'",
                "activities.csv:12: duplicate id 'A2' (first on line 3)",
                "activities.csv:13: missing owner",
                "activities.csv:14: unknown owner function 'Janitor'",
                "activities.csv:15: unknown direction 'Sideways'",
                "activities.csv:16: unparseable date '2025-13-01'",
                "activities.csv:18: date 2026-04-01 is in the future",
                "activities.csv:20: missing kind"),
                report.rejections().stream().map(Object::toString).toList());
        assertEquals(7 + 3 + 12 + 10 + 19, report.rowsRead());
        assertEquals(12 + 6 + 14, report.rowsRejected());
        assertEquals(3, report.dealsWon());
        assertEquals(1, report.dealsLost());
        assertEquals(1, report.dealsOpen());
        assertEquals(4, report.contactsAdded());
        assertEquals(5, report.activitiesRecorded());
        assertEquals(3, report.activitiesTwoWay());
        assertEquals(20, report.eventsPlanned());

        // parents first, then the rest; ids from source rows
        List<String> ids = events.stream().map(PlannedEvent::eventId).toList();
        assertEquals(List.of("crm-account-ACME-GROUP", "crm-account-BETA", "crm-account-BETA-potential",
                "crm-account-ACME-DE", "crm-account-ACME-DE-potential", "crm-deal-D1-revenue", "crm-deal-D1-contract",
                "crm-deal-D2-revenue", "crm-deal-D2-contract", "crm-deal-D11-revenue", "crm-deal-D11-contract",
                "crm-contact-C1", "crm-contact-C2", "crm-contact-C3", "crm-contact-C8",
                "crm-activity-A1", "crm-activity-A2", "crm-activity-A3", "crm-activity-A15", "crm-activity-A17"), ids);
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

        // contacts: roles and levels through synonyms, dated with their account's registration
        PlannedEvent c1 = events.get(11);
        assertEquals(PlannedEvent.Service.RELATIONSHIP, c1.service());
        assertEquals("ACME-DE", c1.accountId());
        assertEquals("ContactAdded", c1.type());
        assertEquals("{\"contactId\":\"C1\",\"name\":\"Dr. Petra Huber\",\"buyingRoles\":[\"DECIDER\",\"SPONSOR\"],"
                + "\"level\":\"EXECUTIVE\",\"function\":\"Procurement\"}", c1.data().toString());
        assertEquals("2023-01-01T12:00:00Z", c1.occurredAt().toString());
        assertEquals("[]", events.get(14).data().get("buyingRoles").toString());
        assertEquals("OPERATIONAL", events.get(13).data().get("level").asText());

        // activities: kinds, directions and owner functions through synonyms, default direction per kind
        PlannedEvent a1 = events.get(15);
        assertEquals("InteractionRecorded", a1.type());
        assertEquals(PlannedEvent.Service.RELATIONSHIP, a1.service());
        assertEquals("{\"interactionId\":\"A1\",\"kind\":\"BUSINESS_REVIEW\",\"contactIds\":[\"C1\",\"C2\"],"
                + "\"supplierParticipants\":[{\"participantId\":\"kam-0042\",\"name\":\"Giulia Rossi\",\"function\":\"SALES\"}],"
                + "\"twoWay\":true,\"summary\":\"Quarterly review: volumes up\",\"followUpDueOn\":\"2025-10-15\"}",
                a1.data().toString());
        assertEquals("2025-09-15T12:00:00Z", a1.occurredAt().toString());
        assertEquals("activities.csv:2", a1.origin());
        PlannedEvent a2 = events.get(16);
        assertEquals("CALL", a2.data().get("kind").asText());
        assertTrue(a2.data().get("twoWay").asBoolean());
        PlannedEvent a3 = events.get(17);
        assertEquals("EMAIL", a3.data().get("kind").asText());
        assertEquals(false, a3.data().get("twoWay").asBoolean());
        assertEquals("[]", a3.data().get("contactIds").toString());
        PlannedEvent a15 = events.get(18);
        assertEquals("MEETING", a15.data().get("kind").asText());
        assertTrue(a15.data().get("twoWay").asBoolean());
        assertEquals("Kick-off, \"strategic\" topics", a15.data().get("summary").asText());
        assertEquals(false, events.get(19).data().get("twoWay").asBoolean());
    }

    @Test
    void twoWayKindWithoutContactsBecomesOneWayWhenTheMappingSaysSo() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(resource("mapping.yaml").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("activities")).put("twoWayWithoutContacts", "one-way");
        List<PlannedEvent> events = new ArrayList<>();
        ImportReport report = new CsvImport(ImportMapping.parse(root), TODAY, null)
                .run(fixtures(), collecting(events), true);
        assertEquals(6, report.activitiesRecorded());
        assertEquals(3, report.activitiesTwoWay());
        PlannedEvent a4 = events.stream().filter(e -> e.eventId().equals("crm-activity-A4")).findFirst().orElseThrow();
        assertEquals("VISIT", a4.data().get("kind").asText());
        assertEquals(false, a4.data().get("twoWay").asBoolean());
        assertEquals("TECHNICAL", a4.data().get("supplierParticipants").get(0).get("function").asText());
        assertTrue(report.rejections().stream().noneMatch(r -> r.toString().startsWith("activities.csv:5:")));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertTrue(text.toString(StandardCharsets.UTF_8).contains(
                "contacts: 4 added; activities: 6 recorded (3 two-way, 3 one-way, 1 of them two-way kinds without a contact)"),
                text.toString());
    }

    @Test
    void dryRunPostsNothingAndReImportPostsNothingNew() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            ImportReport dry = importer().run(fixtures(), EventSink.counting(), true);
            assertTrue(platform.stored.isEmpty());
            assertEquals(20, dry.eventsPlanned());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            dry.print(new PrintStream(text, true, StandardCharsets.UTF_8));
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("rows read: 51, rows rejected: 32"), text.toString());
            assertTrue(text.toString(StandardCharsets.UTF_8).contains("  contacts.csv: 10 rows read, 6 rejected\n"
                    + "  activities.csv: 19 rows read, 14 rejected\n"
                    + "  deals: 3 won (imported), 1 lost and 1 open (counted, not imported)\n"
                    + "  contacts: 4 added; activities: 5 recorded (3 two-way, 2 one-way)\n"), text.toString());

            LoadResult first = importer().run(fixtures(), loader(platform), false).load();
            assertEquals(20, first.recorded(), first.rejections().toString());
            assertEquals(20, platform.stored.size());
            LoadResult again = importer().run(fixtures(), loader(platform), false).load();
            assertEquals(0, again.recorded());
            assertEquals(20, again.duplicates());
            assertEquals(0, again.rejected());
            assertEquals(20, platform.stored.size());
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
        return new CsvImport.Files(resource("accounts.csv"), resource("deals.csv"), resource("products.csv"),
                resource("contacts.csv"), resource("activities.csv"));
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
