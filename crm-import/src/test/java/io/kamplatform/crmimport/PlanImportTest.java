package io.kamplatform.crmimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.PlannedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account plans file: one row per objective, plan columns repeated; every bad row reported with its reason. */
class PlanImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    @Test
    void plansAndObjectivesBecomePlanEventsAndBadRowsAreReported() throws Exception {
        List<PlannedEvent> events = new ArrayList<>();
        ImportReport report = new CsvImport(ImportMapping.load(resource("mapping.yaml")), TODAY, null)
                .run(new CsvImport.Files(resource("accounts.csv"), null, null, null, null, null, resource("plans.csv")),
                        collecting(events), true);

        assertEquals(List.of(
                "plans.csv:5: plan 'PL-ACME-26' differs from its first row (line 2): a plan's columns repeat on each of its rows",
                "plans.csv:7: duplicate objective 'OBJ-1' (first on line 2)",
                "plans.csv:8: due date 2027-01-31 outside the plan's period 2026-01-01 to 2026-12-31",
                "plans.csv:9: unparseable target value 'twelve'",
                "plans.csv:10: a dropped objective needs a reason",
                "plans.csv:11: unknown status 'Paused'",
                "plans.csv:12: account 'GAMMA' was rejected (accounts.csv:5: unknown parent account 'MISSING-PARENT')",
                "plans.csv:13: unknown account 'NOBODY'",
                "plans.csv:14: the period ends (2026-01-01) before it starts (2026-12-31)",
                "plans.csv:15: share-of-wallet target '120' is not a percentage from 0 to 100",
                "plans.csv:16: invalid plan id 'PL BAD' (letters, digits and . _ : @ - only, at most 64)",
                "plans.csv:17: missing publication date (the period starts after today)",
                "plans.csv:18: missing status date (a value or an outcome needs the day it was reached)"),
                report.rejections().stream().map(Object::toString).filter(r -> r.startsWith("plans.csv")).toList());
        assertEquals(2, report.plansPublished());
        assertEquals(3, report.objectivesSet());
        assertEquals(2, report.objectivesClosed());

        List<PlannedEvent> plan = events.stream().filter(e -> e.data().has("planId")).toList();
        assertEquals(List.of(
                "crm-plan-PL-ACME-26 AccountPlanPublished 2025-12-15T12:00:00Z",
                "crm-objective-OBJ-1 ObjectiveSet 2025-12-15T12:00:00Z",
                "crm-objective-OBJ-1-progress-2026-03-01 ObjectiveProgressReported 2026-03-01T12:00:00Z",
                "crm-objective-OBJ-2 ObjectiveSet 2025-12-15T12:00:00Z",
                "crm-objective-OBJ-2-missed ObjectiveMissed 2026-03-10T12:00:00Z",
                "crm-objective-OBJ-3 ObjectiveSet 2025-12-15T12:00:00Z",
                "crm-objective-OBJ-3-achieved ObjectiveAchieved 2026-02-20T12:00:00Z",
                "crm-plan-PL-BETA-26 AccountPlanPublished 2026-01-01T12:00:00Z"),
                plan.stream().map(e -> e.eventId() + " " + e.type() + " " + e.occurredAt()).toList());
        assertEquals("{\"planId\":\"PL-ACME-26\",\"periodStart\":\"2026-01-01\",\"periodEnd\":\"2026-12-31\","
                + "\"missionStatement\":\"Preferred supplier for drive units\",\"revenueTarget\":{\"amount\":\"1500000.00\","
                + "\"currency\":\"EUR\"},\"shareOfWalletTargetPct\":35,\"executiveSponsorId\":\"exec-1\","
                + "\"executiveSponsorName\":\"Martina Keller\"}", plan.get(0).data().toString());
        assertEquals("{\"planId\":\"PL-ACME-26\",\"objectiveId\":\"OBJ-1\",\"metric\":\"Share of wallet\",\"unit\":\"%\","
                + "\"targetValue\":35,\"baselineValue\":20,\"dueOn\":\"2026-12-31\",\"ownerId\":\"kam-1\","
                + "\"ownerName\":\"Giulia Rossi\"}", plan.get(1).data().toString());
        assertEquals("{\"planId\":\"PL-ACME-26\",\"objectiveId\":\"OBJ-1\",\"value\":27.5}", plan.get(2).data().toString());
        assertEquals("{\"planId\":\"PL-ACME-26\",\"objectiveId\":\"OBJ-2\",\"value\":1,\"reason\":\"Sponsor moved on\"}",
                plan.get(4).data().toString());
        // converted with the mapping's rate (USD 0.90), the sponsor's id standing in for the missing name
        assertEquals("180000.00", plan.get(7).data().get("revenueTarget").get("amount").asText());
        assertEquals("exec-2", plan.get(7).data().get("executiveSponsorName").asText());
        assertEquals(List.of("plans.csv:2", "plans.csv:2", "plans.csv:2"), plan.subList(0, 3).stream().map(PlannedEvent::origin).toList());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(true, printed.toString(StandardCharsets.UTF_8)
                .contains("account plans: 2 published, 3 objectives set (2 achieved, missed or dropped)"));
    }

    @Test
    void everyNonBlankRowIsCounted() throws Exception {
        ImportReport report = new CsvImport(ImportMapping.load(resource("mapping.yaml")), TODAY, null)
                .run(new CsvImport.Files(resource("accounts.csv"), null, null, null, null, null, resource("plans.csv")),
                        EventSink.counting(), true);
        assertEquals(17, report.rowsRead("plans.csv"));
    }

    private static Path resource(String name) throws Exception {
        return Path.of(PlanImportTest.class.getResource("/importer/" + name).toURI());
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
