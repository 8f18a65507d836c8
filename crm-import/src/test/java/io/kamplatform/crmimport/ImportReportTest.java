package io.kamplatform.crmimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.LoadResult.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    private static final String REUSED = "urn:kam-platform:problem:event-id-reused";
    private static final String RULE = "urn:kam-platform:problem:rule-violation";

    @Test
    void keyAccountFactsOfAnEarlierImportAreKeptNotCountedAsRefusals() {
        // a newer export: the designation's rationale and date changed, the account is a key account already
        ImportReport report = report(List.of(
                new Rejection("crm-account-acme-key-account", "acme", "KeyAccountDesignated", "accounts.csv:2", REUSED,
                        null, "event id 'crm-account-acme-key-account' was already used for a different event"),
                new Rejection("crm-account-acme-team-bob", "acme", "AccountTeamMemberJoined", "accounts.csv:2", RULE,
                        "ALREADY_TEAM_MEMBER", "'bob' is already on the account team")));

        assertTrue(report.clean());
        assertTrue(printed(report).contains("  events planned: 10; posted: 8 recorded, 0 already there, 0 rejected by"
                + " the services; 2 key-account facts were recorded by an earlier import and are kept as they are\n"),
                printed(report));
        assertFalse(printed(report).contains("Events the services refused"), printed(report));
    }

    @Test
    void otherRefusalsStillCount() {
        ImportReport report = report(List.of(new Rejection("crm-deal-D1-contract", "acme", "ContractSigned",
                "deals.csv:2", RULE, "ANNUAL_VALUE_ABOVE_LIST_VALUE", "the annual value cannot exceed the list value")));

        assertFalse(report.clean());
        assertTrue(printed(report).contains("posted: 8 recorded, 0 already there, 1 rejected by the services\n"),
                printed(report));
        assertTrue(printed(report).contains("Events the services refused:\n  deals.csv:2: ContractSigned"), printed(report));
    }

    private static ImportReport report(List<Rejection> rejections) {
        ImportReport report = new ImportReport();
        report.load = new LoadResult(10, 8, 0, rejections.size(), rejections);
        report.eventsPlanned = 10;
        return report;
    }

    private static String printed(ImportReport report) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }
}
