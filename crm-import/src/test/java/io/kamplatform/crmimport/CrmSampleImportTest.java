package io.kamplatform.crmimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamplatform.crmimport.posting.BatchLoader;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.FakePlatform;
import io.kamplatform.crmimport.posting.LoadResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The four files of a "CRM sales opportunities" style export (resources/importer/crm-sample: accounts by name with
 * parent companies, a price list, sales agents with managers and offices, a pipeline with open deals without an
 * account) through a dry run, an import and a re-import.
 */
class CrmSampleImportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    @Test
    void dryRunReportsEverythingAndTheCountsAddUp() throws Exception {
        ImportReport report = importer().run(files(), EventSink.counting(), true);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals("""
                Dry run: nothing was posted.
                  products.csv: 6 rows read, 0 rejected
                  sales_teams.csv: 8 rows read, 1 rejected
                  accounts.csv: 12 rows read, 3 rejected
                  sales_pipeline.csv: 22 rows read, 5 rejected
                  deals: 13 won (imported), 1 lost and 3 open (counted, not imported; 2 of the open deals have no \
                account yet), 4 won above list price (premium: both values kept)
                  sales teams: 7 agents, 4 managers, 3 offices; 1 deal names an agent who is not in sales_teams.csv
                  key accounts: 4 designated (3 top by revenue, 1 listed), 4 with a key account manager, 3 team \
                members joined
                  events planned: 46
                  rows read: 48, rows rejected: 9
                Rejected rows:
                  sales_teams.csv:9: duplicate sales agent 'Anna  Snelling' (first on line 2)
                  accounts.csv:11: unknown country 'Atlantis'
                  accounts.csv:12: parent account 'Rangreen' was rejected (line 11: unknown country 'Atlantis')
                  accounts.csv:13: id 'bluth-and-sons' of 'Bluth and Sons' collides with 'Bluth & Sons' on line 4; \
                rename one of them or map an id column
                  sales_pipeline.csv:16: account 'Rangreen Labs' was rejected (accounts.csv:12: parent account \
                'Rangreen' was rejected (line 11: unknown country 'Atlantis'))
                  sales_pipeline.csv:17: account 'Bluth and Sons' was rejected (accounts.csv:13: id 'bluth-and-sons' \
                of 'Bluth and Sons' collides with 'Bluth & Sons' on line 4; rename one of them or map an id column)
                  sales_pipeline.csv:21: unknown account 'Pied Piper'
                  sales_pipeline.csv:22: unknown product 'Flux Capacitor'
                  sales_pipeline.csv:23: duplicate id 'MV1LWRNH' (first on line 5)
                """, text.toString(StandardCharsets.UTF_8));
        assertEquals(report.rowsRejected(), report.rejections().size());
        assertEquals(report.rowsRead(), 6 + 8 + 12 + 22);
        assertEquals(22, report.dealsWon() + report.dealsLost() + report.dealsOpen() + 5);
    }

    @Test
    void importPostsEveryPlannedEventAndAReImportPostsNothingNew() throws Exception {
        try (FakePlatform platform = new FakePlatform()) {
            LoadResult first = importer().run(files(), loader(platform), false).load();
            assertEquals(46, first.recorded(), first.rejections().toString());
            assertEquals(0, first.rejected());
            String acme = platform.stored.get("crm-account-acme-corporation-key-account");
            assertTrue(acme.contains("\"rationale\":\"Top 3 accounts by won-deal revenue in the 12 months 2016-11 to"
                    + " 2017-10 (rank 1: 31898.00 USD)\""), acme);
            String premium = platform.stored.get("crm-deal-MV1LWRNH-contract");
            assertTrue(premium.contains("\"annualValue\":{\"amount\":\"4890.00\",\"currency\":\"USD\"},"
                    + "\"listValue\":{\"amount\":\"4821.00\",\"currency\":\"USD\"}"), premium);
            assertTrue(platform.stored.get("crm-account-codehow").contains("\"parentAccountId\":\"acme-corporation\""));

            LoadResult again = importer().run(files(), loader(platform), false).load();
            assertEquals(0, again.recorded());
            assertEquals(46, again.duplicates());
            assertEquals(0, again.rejected());
            assertEquals(46, platform.stored.size());
        }
    }

    private static CsvImport importer() throws Exception {
        return new CsvImport(ImportMapping.load(resource("mapping.yaml")), TODAY, null);
    }

    private static CsvImport.Files files() throws URISyntaxException {
        return new CsvImport.Files(resource("accounts.csv"), resource("sales_pipeline.csv"), resource("products.csv"),
                null, null, resource("sales_teams.csv"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CrmSampleImportTest.class.getResource("/importer/crm-sample/" + name).toURI());
    }

    private static BatchLoader loader(FakePlatform platform) {
        return BatchLoader.create(platform.url(), platform.url(), () -> "t", null)
                .unknownAccountPatience(Duration.ofSeconds(5), Duration.ofMillis(20));
    }
}
