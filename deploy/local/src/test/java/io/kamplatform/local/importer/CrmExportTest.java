package io.kamplatform.local.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kamplatform.local.demo.EventSink;
import io.kamplatform.local.demo.LoadResult;
import io.kamplatform.local.demo.PlannedEvent;
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
