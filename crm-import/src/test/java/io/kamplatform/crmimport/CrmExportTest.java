package io.kamplatform.crmimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.LoadResult;
import io.kamplatform.crmimport.posting.PlannedEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real CRM export (the shape of the public "CRM sales opportunities" sample: names instead of ids, parent
 * companies by name, a price list, sales agents with managers, open deals without an account) needs from the importer.
 */
class CrmExportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);

    /** The sample's columns; each test adds the rules it exercises. */
    private static final String MAPPING = """
            currency: {platform: USD}
            registeredOn: "2016-01-01"
            accounts:
              columns: {name: account, parent: subsidiary_of, sector: sector, country: office_location}
              idFrom: name
              values:
                country: {United States: US, Italy: IT, Norway: NO}
                sector: {technolgy: technology}
            products:
              columns: {name: product, listPrice: sales_price}
            deals:
              columns: {id: opportunity_id, account: account, agent: sales_agent, stage: deal_stage, closeDate: close_date, amount: close_value, product: product}
              stages: {won: [Won], lost: [Lost], open: [Engaging, Prospecting]}
            """;
    private static final String ACCOUNTS_HEADER = "account,sector,year_established,revenue,employees,office_location,subsidiary_of";
    private static final String DEALS_HEADER = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value";

    @TempDir
    Path dir;

    private final List<PlannedEvent> events = new ArrayList<>();

    @Test
    void accountIdsAreDerivedFromNamesAndParentsAndDealsResolveThroughTheSameRule() throws Exception {
        ImportReport report = run(MAPPING,
                accounts("Codehow,software,1998,2714.9,2641,United States,acme corporation",
                        "Acme Corporation,technolgy,1996,1100.04,2822,United States,",
                        "Bluth & Sons,retail,1988,2345.1,6000,Italy,"),
                deals("1C1I7A6R,Moses Frase,,Acme Corporation,Won,2017-01-05,2017-03-01,1054",
                        "HAXMC4IX,Anna Snelling,,Bluth & Sons,Won,2017-02-01,2017-03-11,550",
                        "UP409DSB,Anna Snelling,,Codehow,Won,2017-02-01,2017-03-12,55"));

        assertEquals(List.of(), rejections(report));
        assertEquals(List.of("acme-corporation AccountRegistered", "bluth-and-sons AccountRegistered",
                        "codehow AccountRegistered", "acme-corporation RevenueRecognized",
                        "acme-corporation ContractSigned", "bluth-and-sons RevenueRecognized",
                        "bluth-and-sons ContractSigned", "codehow RevenueRecognized", "codehow ContractSigned"),
                events.stream().map(e -> e.accountId() + " " + e.type()).toList());
        PlannedEvent codehow = event("crm-account-codehow");
        assertEquals("acme-corporation", codehow.data().get("parentAccountId").asText());
        assertEquals("Codehow", codehow.data().get("name").asText());
        assertEquals("Bluth & Sons", event("crm-account-bluth-and-sons").data().get("name").asText());
    }

    @Test
    void namesThatGiveTheSameIdAreReportedWithBothLines() throws Exception {
        ImportReport report = run(MAPPING,
                accounts("Bluth & Sons,retail,1988,2345.1,6000,Italy,",
                        "Acme Corporation,technolgy,1996,1100.04,2822,United States,",
                        "Bluth and Sons,retail,1990,12.0,60,Norway,",
                        "ACME  corporation,technolgy,1996,1100.04,2822,United States,"),
                deals("HAXMC4IX,Anna Snelling,,Bluth & Sons,Won,2017-02-01,2017-03-11,550",
                        "HAXMC4IY,Anna Snelling,,Bluth and Sons,Won,2017-02-01,2017-03-11,550",
                        "HAXMC4IZ,Anna Snelling,,ACME CORPORATION,Won,2017-02-01,2017-03-11,550"));

        assertEquals(List.of(
                "accounts.csv:4: id 'bluth-and-sons' of 'Bluth and Sons' collides with 'Bluth & Sons' on line 2;"
                        + " rename one of them or map an id column",
                "accounts.csv:5: duplicate account 'ACME  corporation' (first on line 3)",
                "deals.csv:3: account 'Bluth and Sons' was rejected (accounts.csv:4: id 'bluth-and-sons' of"
                        + " 'Bluth and Sons' collides with 'Bluth & Sons' on line 2; rename one of them or map an id column)"),
                rejections(report));
        assertEquals("acme-corporation", event("crm-deal-HAXMC4IZ-revenue").accountId());
        assertEquals("bluth-and-sons", event("crm-deal-HAXMC4IX-revenue").accountId());
        assertEquals("Bluth & Sons", event("crm-account-bluth-and-sons").data().get("name").asText());
    }

    @Test
    void aChildWhoseParentWasRejectedSaysWhyNotUnknownParent() throws Exception {
        ImportReport report = run(MAPPING,
                accounts("Initrode,services,2001,1.0,10,United States,Initech",
                        "Initech,services,1999,5.0,50,Atlantis,",
                        "Initrode Labs,services,2005,0.5,5,United States,initrode",
                        "Bluth & Sons,retail,1988,2345.1,6000,Italy,",
                        "Bluth and Sons,retail,1990,12.0,60,Norway,",
                        "Bluth Junior,retail,2010,1.0,6,Norway,Bluth and Sons",
                        "Hooli,technolgy,1988,1643.32,4500,United States,Hooli",
                        "Sonron,telecommunications,1999,1223.72,2497,United States,Zoomit",
                        "Zoomit,entertainment,1985,324.19,978,United States,Sonron",
                        "Kan-code,software,1982,11698.03,34288,United States,Massive Dynamic"),
                deals("1C1I7A6R,Moses Frase,,Initrode Labs,Won,2017-01-05,2017-03-01,1054"));

        assertEquals(List.of(
                "accounts.csv:2: parent account 'Initech' was rejected (line 3: unknown country 'Atlantis')",
                "accounts.csv:3: unknown country 'Atlantis'",
                "accounts.csv:4: parent account 'initrode' was rejected (line 2: parent account 'Initech' was rejected"
                        + " (line 3: unknown country 'Atlantis'))",
                "accounts.csv:6: id 'bluth-and-sons' of 'Bluth and Sons' collides with 'Bluth & Sons' on line 5;"
                        + " rename one of them or map an id column",
                "accounts.csv:7: parent account 'Bluth and Sons' was rejected (line 6: id 'bluth-and-sons' of"
                        + " 'Bluth and Sons' collides with 'Bluth & Sons' on line 5; rename one of them or map an id column)",
                "accounts.csv:8: account 'Hooli' is its own parent",
                "accounts.csv:9: parent accounts form a cycle: Sonron > Zoomit > Sonron",
                "accounts.csv:10: parent accounts form a cycle: Zoomit > Sonron > Zoomit",
                "accounts.csv:11: unknown parent account 'Massive Dynamic'",
                "deals.csv:2: account 'Initrode Labs' was rejected (accounts.csv:4: parent account 'initrode' was"
                        + " rejected (line 2: parent account 'Initech' was rejected (line 3: unknown country 'Atlantis')))"),
                rejections(report));
        assertEquals(List.of("crm-account-bluth-and-sons"), events.stream().map(PlannedEvent::eventId).toList());
    }

    @Test
    void openDealsWithoutAnAccountAreCountedAsSuchNotRejected() throws Exception {
        ImportReport report = run(MAPPING,
                accounts("Hooli,technolgy,1988,1643.32,4500,United States,"),
                deals("ZZ2XJZ71,Maureen Marcano,GTK 500,,Prospecting,,,",
                        "1HNTY2FF,Hayden Neloms,MG Special,,Engaging,2017-12-01,,",
                        "W8V3A9JX,Hayden Neloms,MG Special,Hooli,Engaging,2017-12-01,,",
                        "X9E0RAGC,Moses Frase,GTX Pro,Hooli,Lost,2017-02-01,2017-04-01,0",
                        "Q1K7A1XZ,Moses Frase,GTX Pro,,Won,2017-02-01,2017-04-01,4821",
                        "Q1K7A1XY,Moses Frase,GTX Pro,Pied Piper,Prospecting,,,"));

        assertEquals(List.of("deals.csv:6: missing account", "deals.csv:7: unknown account 'Pied Piper'"),
                rejections(report));
        assertEquals(0, report.dealsWon());
        assertEquals(1, report.dealsLost());
        assertEquals(3, report.dealsOpen());
        assertEquals(2, report.dealsOpenWithoutAccount());
        assertTrue(printed(report).contains("  deals: 0 won (imported), 1 lost and 3 open (counted, not imported;"
                + " 2 of the open deals have no account yet)\n"), printed(report));
    }

    @Test
    void aDealAboveListKeepsBothValuesSoPremiumPricingShowsInPriceRealisation() throws Exception {
        Path products = file("products.csv", "product,series,sales_price", "GTX Pro,GTX,4821", "GTX Basic,GTX,550");
        ImportReport report = run(MAPPING, new CsvImport.Files(
                accounts("Hooli,technolgy,1988,1643.32,4500,United States,"),
                deals("1C1I7A6R,Moses Frase,GTXPro,Hooli,Won,2017-01-05,2017-03-01,4890",
                        "1C1I7A6S,Moses Frase,GTX Basic,Hooli,Won,2017-01-05,2017-03-02,540"),
                products));

        assertEquals(List.of(), rejections(report));
        PlannedEvent premium = event("crm-deal-1C1I7A6R-contract");
        assertEquals("4890.00", premium.data().get("annualValue").get("amount").asText());
        assertEquals("4821.00", premium.data().get("listValue").get("amount").asText());
        assertEquals("4890.00", event("crm-deal-1C1I7A6R-revenue").data().get("revenue").get("amount").asText());
        PlannedEvent discounted = event("crm-deal-1C1I7A6S-contract");
        assertEquals("540.00", discounted.data().get("annualValue").get("amount").asText());
        assertEquals("550.00", discounted.data().get("listValue").get("amount").asText());
        assertTrue(printed(report).contains("  deals: 2 won (imported), 0 lost and 0 open (counted, not imported),"
                + " 1 won above list price (premium: both values kept)\n"), printed(report));
    }

    @Test
    void salesTeamsGiveKeyAccountsTheirManagerAndTeam() throws Exception {
        String mapping = MAPPING + """
                teams:
                  columns: {agent: sales_agent, manager: manager, office: regional_office}
                keyAccounts:
                  topByRevenue: 2
                  trailingMonths: 12
                  accounts: [hooli, Pied Piper]
                  team: [manager, agents]
                """;
        Path teams = file("sales_teams.csv", "sales_agent,manager,regional_office",
                "Anna Snelling,Dustin Brinkmann,Central",
                "Cecily Lampkin,Dustin Brinkmann,Central",
                "Moses Frase,Melvin Marxen,Central",
                "Darcel Schlecht,Melvin Marxen,Central",
                "Rosalina Dieter,Summer Sewald,West",
                "Hayden Neloms,,West",
                "anna  snelling,Rocco Neubert,East",
                ",Rocco Neubert,East");
        ImportReport report = run(mapping, new CsvImport.Files(
                accounts("Acme Corporation,technolgy,1996,1100.04,2822,United States,",
                        "Codehow,software,1998,2714.9,2641,United States,Acme Corporation",
                        "Bluth & Sons,retail,1988,2345.1,6000,Italy,",
                        "Genco Pura Olive Oil Company,retail,2003,1452.57,2917,Italy,",
                        "Hooli,technolgy,1988,1643.32,4500,United States,"),
                deals("P1,Moses Frase,,Acme Corporation,Won,2017-01-05,2017-03-01,4890",
                        "P2,Darcel Schlecht,,Acme Corporation,Won,2017-05-01,2017-06-10,25000",
                        "P3,Anna Snelling,,Codehow,Won,2017-04-01,2017-05-02,55",
                        "P4,Anna Snelling,,Bluth & Sons,Won,2017-07-01,2017-08-15,4500",
                        "P5,Cecily Lampkin,,Bluth & Sons,Won,2017-09-01,2017-09-30,600",
                        "P6,Rosalina Dieter,,Genco Pura Olive Oil Company,Won,2017-10-01,2017-11-02,3300",
                        "P7,Wilburn Farren,,Hooli,Won,2016-05-01,2016-06-15,99000",
                        "P8,Moses Frase,,Acme Corporation,Lost,2017-02-01,2017-04-01,0",
                        // before the 12 months to the latest won deal: neither ranks Bluth nor makes Darcel its manager
                        "P9,Darcel Schlecht,,Bluth & Sons,Won,2015-01-01,2015-01-10,90000"),
                null, null, null, teams));

        assertEquals(List.of("sales_teams.csv:8: duplicate sales agent 'anna  snelling' (first on line 2)",
                "sales_teams.csv:9: missing sales agent"), rejections(report));
        assertEquals(List.of("keyAccounts.accounts: unknown account 'Pied Piper'"), report.mappingProblems());
        List<String> keyAccountEvents = events.stream()
                .filter(e -> e.type().startsWith("Key") || e.type().startsWith("AccountTeam"))
                .map(e -> e.eventId() + " " + e.occurredAt() + " " + e.data()).toList();
        assertEquals(List.of(
                "crm-account-acme-corporation-key-account 2017-11-02T12:00:00Z {\"rationale\":\"Top 2 accounts by"
                        + " won-deal revenue in the 12 months 2016-12 to 2017-11 (rank 1: 29890.00 USD)\"}",
                "crm-account-acme-corporation-manager-darcel-schlecht 2017-11-02T12:01:00Z"
                        + " {\"managerId\":\"darcel-schlecht\",\"name\":\"Darcel Schlecht\"}",
                "crm-account-acme-corporation-team-melvin-marxen 2017-11-02T12:02:00Z"
                        + " {\"memberId\":\"melvin-marxen\",\"name\":\"Melvin Marxen\",\"function\":\"MANAGEMENT\"}",
                "crm-account-acme-corporation-team-moses-frase 2017-11-02T12:02:00Z"
                        + " {\"memberId\":\"moses-frase\",\"name\":\"Moses Frase\",\"function\":\"SALES\"}",
                "crm-account-bluth-and-sons-key-account 2017-11-02T12:00:00Z {\"rationale\":\"Top 2 accounts by"
                        + " won-deal revenue in the 12 months 2016-12 to 2017-11 (rank 2: 5100.00 USD)\"}",
                "crm-account-bluth-and-sons-manager-anna-snelling 2017-11-02T12:01:00Z"
                        + " {\"managerId\":\"anna-snelling\",\"name\":\"Anna Snelling\"}",
                "crm-account-bluth-and-sons-team-dustin-brinkmann 2017-11-02T12:02:00Z"
                        + " {\"memberId\":\"dustin-brinkmann\",\"name\":\"Dustin Brinkmann\",\"function\":\"MANAGEMENT\"}",
                "crm-account-bluth-and-sons-team-cecily-lampkin 2017-11-02T12:02:00Z"
                        + " {\"memberId\":\"cecily-lampkin\",\"name\":\"Cecily Lampkin\",\"function\":\"SALES\"}",
                "crm-account-hooli-key-account 2017-11-02T12:00:00Z"
                        + " {\"rationale\":\"Listed as a key account in the import mapping\"}",
                "crm-account-hooli-manager-wilburn-farren 2017-11-02T12:01:00Z"
                        + " {\"managerId\":\"wilburn-farren\",\"name\":\"Wilburn Farren\"}"),
                keyAccountEvents);
        String printed = printed(report);
        assertTrue(printed.contains("  sales teams: 6 agents, 3 managers, 2 offices; 1 deal names an agent who is"
                + " not in sales_teams.csv\n"), printed);
        assertTrue(printed.contains("  key accounts: 3 designated (2 top by revenue, 1 listed), 3 with a key account"
                + " manager, 4 team members joined\n"), printed);
        assertTrue(printed.contains("Mapping problems:\n  keyAccounts.accounts: unknown account 'Pied Piper'\n"), printed);
    }

    @Test
    void keyAccountsFromACrmColumnAndOwnersFromTheAccountsFile() throws Exception {
        String mapping = MAPPING.replace("columns: {name: account,", "columns: {owner: owner, keyAccount: key, name: account,");
        Path accounts = file("accounts.csv", ACCOUNTS_HEADER + ",owner,key",
                "Acme Corporation,technolgy,1996,1100.04,2822,United States,,Moses Frase,Yes",
                "Hooli,technolgy,1988,1643.32,4500,United States,,,x",
                "Codehow,software,1998,2714.9,2641,United States,,Anna Snelling,no",
                "Betasoloin,medical,1999,251.41,495,United States,,,");
        ImportReport report = run(mapping, accounts,
                deals("P2,Darcel Schlecht,,Acme Corporation,Won,2017-05-01,2017-06-10,25000"));

        assertEquals(List.of(), rejections(report));
        assertEquals(List.of(
                        "crm-account-acme-corporation-key-account KeyAccountDesignated {\"rationale\":\"Marked as a key"
                                + " account in the CRM (key: Yes)\"}",
                        "crm-account-acme-corporation-manager-moses-frase KeyAccountManagerAssigned"
                                + " {\"managerId\":\"moses-frase\",\"name\":\"Moses Frase\"}",
                        "crm-account-hooli-key-account KeyAccountDesignated {\"rationale\":\"Marked as a key"
                                + " account in the CRM (key: x)\"}"),
                events.stream().filter(e -> e.type().startsWith("Key"))
                        .map(e -> e.eventId() + " " + e.type() + " " + e.data()).toList());
        assertTrue(printed(report).contains("  key accounts: 2 designated (2 marked in the CRM), 1 with a key account"
                + " manager, 1 without (no owner and no won deal with a sales agent), 0 team members joined\n"),
                printed(report));
    }

    @Test
    void bareAmountsOfAUsdExportAreConvertedOnceAndRoundedOnceWhenWritten() throws Exception {
        String mapping = MAPPING.replace("currency: {platform: USD}",
                "currency: {platform: EUR, default: USD, rates: {USD: \"0.9\", GBP: \"1.17\"}}")
                .replace("product: product}", "product: product, quantity: units}");
        Path products = file("products.csv", "product,series,sales_price",
                "GTX Pro,GTX,4821", "MG Special,MG,0.555", "GTK 500,GTK,GBP 26768");
        Path deals = file("deals.csv", DEALS_HEADER + ",units",
                "P1,Moses Frase,GTX Pro,Hooli,Won,2017-01-05,2017-03-01,4890,",
                "P2,Moses Frase,MG Special,Hooli,Won,2017-01-05,2017-03-02,450.5,1000",
                "P3,Moses Frase,GTK 500,Hooli,Won,2017-01-05,2017-03-03,€ 30000,");
        ImportReport report = run(mapping, new CsvImport.Files(
                accounts("Hooli,technolgy,1988,1643.32,4500,United States,"), deals, products));

        assertEquals(List.of(), rejections(report));
        assertEquals(List.of("4401.00 4338.90", "405.45 499.50", "30000.00 31318.56"), events.stream()
                .filter(e -> e.type().equals("ContractSigned"))
                .map(e -> e.data().get("annualValue").get("amount").asText() + " "
                        + e.data().get("listValue").get("amount").asText()).toList());
        assertEquals("EUR", event("crm-deal-P1-revenue").data().get("revenue").get("currency").asText());
        assertEquals("3080.70", event("crm-deal-P1-revenue").data().get("costOfSales").get("amount").asText());
    }

    // ---- helpers ----

    private ImportReport run(String mapping, Path accounts, Path deals) throws Exception {
        return run(mapping, new CsvImport.Files(accounts, deals, null));
    }

    private ImportReport run(String mapping, CsvImport.Files files) throws Exception {
        ImportMapping parsed = ImportMapping.parse(new ObjectMapper(new YAMLFactory()).readTree(mapping));
        return new CsvImport(parsed, TODAY, null).run(files, collecting(), true);
    }

    private Path accounts(String... rows) throws Exception {
        return file("accounts.csv", ACCOUNTS_HEADER, rows);
    }

    private Path deals(String... rows) throws Exception {
        return file("deals.csv", DEALS_HEADER, rows);
    }

    private Path file(String name, String header, String... rows) throws Exception {
        return Files.writeString(dir.resolve(name), header + "\n" + String.join("\n", rows) + "\n");
    }

    private PlannedEvent event(String eventId) {
        return events.stream().filter(e -> e.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + eventId + " in "
                        + events.stream().map(PlannedEvent::eventId).toList()));
    }

    private static String printed(ImportReport report) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    private static List<String> rejections(ImportReport report) {
        return report.rejections().stream().map(Object::toString).toList();
    }

    private EventSink collecting() {
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
