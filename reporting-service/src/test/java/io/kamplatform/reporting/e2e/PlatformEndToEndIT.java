package io.kamplatform.reporting.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole platform as a user runs it: ./deploy/local/run starts PostgreSQL, Kafka and the three services as
 * built artifacts (LocalPlatform, shared with the other ITs); a small KAM story is posted through the writer APIs
 * and read back from the reporting API.
 * Runs in the integration-test phase, after every service jar is packaged.
 */
@ExtendWith(LocalPlatform.class)
class PlatformEndToEndIT {

    static final Path REPO = LocalPlatform.REPO;
    static final Path HOME = LocalPlatform.HOME;
    static final String ACCOUNTS = LocalPlatform.ACCOUNTS;
    static final String RELATIONSHIPS = LocalPlatform.RELATIONSHIPS;
    static final String REPORTS = LocalPlatform.REPORTS;

    static Map<String, String> tokens;

    @BeforeAll
    static void platformTokens() {
        tokens = LocalPlatform.running().tokens();
    }

    @Test
    void aStoryPostedToTheWritersIsReportedWithinASecond() {
        String writer = tokens.get("KAM_TOKEN_CRM_WRITER");
        String reader = tokens.get("KAM_TOKEN_KAM_READER");
        String account = "E2E-" + System.currentTimeMillis();
        Instant now = Instant.now();
        String today = now.toString();
        YearMonth thisMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));

        post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("reg", "AccountRegistered", today,
                "{\"name\":\"End To End SpA\",\"sector\":\"Food\",\"country\":\"IT\"}"));
        post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("key", "KeyAccountDesignated", today,
                "{\"rationale\":\"strategic\"}"));
        post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("kam", "KeyAccountManagerAssigned", today,
                "{\"managerId\":\"kam-anna\",\"name\":\"Anna Rossi\"}"));
        post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("pot", "SalesPotentialAssessed", today,
                "{\"annualPotential\":{\"amount\":\"1200000\",\"currency\":\"EUR\"},\"rationale\":\"two plants\"}"));
        for (int m = 1; m <= 6; m++) {
            post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("rev-" + m, "RevenueRecognized", today,
                    "{\"month\":\"" + thisMonth.minusMonths(m) + "\",\"revenue\":{\"amount\":\"50000\",\"currency\":\"EUR\"},"
                            + "\"costOfSales\":{\"amount\":\"35000\",\"currency\":\"EUR\"}}"));
        }
        // The relationship service learns the account from Kafka: retry while it answers unknown-account.
        String contact = event("c-ceo", "ContactAdded", today, "{\"contactId\":\"c-ceo\",\"name\":\"Giulia Conti\","
                + "\"buyingRoles\":[\"DECIDER\",\"SPONSOR\"],\"level\":\"EXECUTIVE\",\"function\":\"CEO\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (postStatus(RELATIONSHIPS + "/api/accounts/" + account + "/events", writer, contact) == 422) {
            assertThat(System.nanoTime()).as("relationship-service learns the account").isLessThan(deadline);
            sleep(100);
        }
        post(RELATIONSHIPS + "/api/accounts/" + account + "/events", writer, event("c-buy", "ContactAdded", today,
                "{\"contactId\":\"c-buy\",\"name\":\"Marco Neri\",\"buyingRoles\":[\"BUYER\",\"INFLUENCER\"],"
                        + "\"level\":\"MANAGEMENT\",\"function\":\"Procurement\"}"));
        post(RELATIONSHIPS + "/api/accounts/" + account + "/events", writer, event("visit", "InteractionRecorded", today,
                "{\"interactionId\":\"i-1\",\"kind\":\"BUSINESS_REVIEW\",\"contactIds\":[\"c-ceo\",\"c-buy\"],"
                        + "\"supplierParticipants\":[{\"participantId\":\"kam-anna\",\"function\":\"SALES\"},"
                        + "{\"participantId\":\"eng-luca\",\"function\":\"TECHNICAL\"}],\"twoWay\":true,\"sentiment\":\"POSITIVE\"}"));
        post(RELATIONSHIPS + "/api/accounts/" + account + "/events", writer, event("k-1", "ContractSigned", today,
                "{\"contractId\":\"K-" + account + "\",\"startsOn\":\"" + LocalDate.now(ZoneOffset.UTC).minusMonths(1) + "\","
                        + "\"endsOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusYears(2) + "\","
                        + "\"annualValue\":{\"amount\":\"600000\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"650000\",\"currency\":\"EUR\"},"
                        + "\"expectedMarginPct\":25,\"serviceLevel\":\"PREMIUM\",\"preferredSupplier\":true}"));

        // Freshness: from a 2xx on a writer to the change in the report.
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long posted = System.nanoTime();
            post(RELATIONSHIPS + "/api/accounts/" + account + "/events", writer, event("comp-" + i, "CompetitorActivityObserved",
                    Instant.now().toString(), "{\"competitor\":\"Rival " + i + "\",\"threat\":\"LOW\"}"));
            String competitor = "Rival " + i;
            while (!timeline(reader, account).getList("events.data.competitor").contains(competitor)) {
                assertThat(Duration.ofNanos(System.nanoTime() - posted)).isLessThan(Duration.ofSeconds(10));
                sleep(10);
            }
            millis.add(Duration.ofNanos(System.nanoTime() - posted).toMillis());
        }
        Collections.sort(millis);
        System.out.println("E2E freshness (POST 2xx -> visible in reporting), ms: " + millis);
        assertThat(millis.get(millis.size() / 2)).as("median freshness in ms").isLessThanOrEqualTo(1000);

        JsonPath timeline = timeline(reader, account);
        assertThat(timeline.getList("events.type")).contains("AccountRegistered", "ContactAdded", "InteractionRecorded",
                "ContractSigned", "RevenueRecognized");

        // Decider and executive met two-way, preferred supplier, two supplier functions: interdependent.
        JsonPath stage = report(reader, account, "stage");
        assertThat(stage.getString("stage")).as("stage, reasons %s", stage.getList("reasons")).isEqualTo("INTERDEPENDENT");
        JsonPath dmu = report(reader, account, "dmu");
        assertThat(dmu.getList("roles.DECIDER.contactId")).containsExactly("c-ceo");
        assertThat(dmu.getList("roles.BUYER.contactId")).containsExactly("c-buy");
        assertThat(dmu.getList("uncoveredRoles")).containsExactlyInAnyOrder("USER", "GATEKEEPER");
        JsonPath health = report(reader, account, "health");
        assertThat(health.getInt("health.score")).isBetween(1, 100);
        assertThat(health.getString("health.band")).isIn("GREEN", "AMBER", "RED");
        assertThat(health.getList("health.factors.name")).contains("DMU coverage", "Engagement", "Contract security");
        JsonPath portfolio = given().auth().oauth2(reader).queryParam("manager", "kam-anna").queryParam("limit", 1000)
                .when().get(REPORTS + "/api/reports/portfolio/health").then().statusCode(200).extract().jsonPath();
        assertThat(portfolio.getList("entries.accountId")).contains(account);

    }

    /** The demo portfolio the launcher loads: each planted KAM story must come out in the reports. */
    @Test
    void theDemoPortfolioShowsEveryPlantedStory() throws Exception {
        String reader = tokens.get("KAM_TOKEN_KAM_READER");
        JsonPath risk = given().auth().oauth2(reader).when().get(REPORTS + "/api/reports/portfolio/dependency-risk")
                .then().statusCode(200).extract().jsonPath();
        assertThat(risk.getList("majorCustomerIds")).as("a customer above 10% of revenue").contains("NORDWIND");
        assertThat(risk.getInt("customerCount")).isGreaterThan(200);
        assertThat(risk.getDouble("top20PctSharePct")).as("roughly 80/20").isBetween(70.0, 90.0);

        JsonPath volta = report(reader, "VOLTA-RETAIL", "margin-pressure");
        assertThat(volta.getList("discountChanges.changePp", Float.class)).as("discounts deepen at renewal")
                .allMatch(change -> change > 0);
        assertThat(volta.getBoolean("statusAbuse")).as("status abuse: deeper discounts, more service").isTrue();

        List<String> neglected = given().auth().oauth2(reader).queryParam("limit", 1000).when().get(REPORTS + "/api/reports/portfolio/neglected-potential")
                .then().statusCode(200).extract().jsonPath().getList("accounts.accountId");
        assertThat(neglected).as("a small account with high potential nobody visits").contains("BRIGHTWAVE-LABS");

        JsonPath alpina = report(reader, "ALPINA-FOODS", "health");
        assertThat(alpina.getInt("trend.deltaVs90Days")).as("health fell after the sponsor left").isNegative();
        assertThat(report(reader, "ALPINA-FOODS", "stage").getString("stage")).isEqualTo("DISINTEGRATING");
        JsonPath dmuNow = report(reader, "ALPINA-FOODS", "dmu");
        assertThat(dmuNow.getList("uncoveredRoles")).contains("SPONSOR");

        // The README's bitemporal example: the departure was recorded after the rest of the demo, so as known before it
        // the sponsor is still in the DMU, and the same contact is under formerContacts as known now.
        java.time.Instant knownBefore = java.time.Instant.parse(Files.readString(HOME.resolve("demo-known-at")).trim());
        JsonPath dmuThen = given().auth().oauth2(reader).when()
                .get(REPORTS + io.kamplatform.local.demo.DemoStories.asKnownAtExample(knownBefore))
                .then().statusCode(200).header("KAM-As-Known-At", knownBefore.toString()).extract().jsonPath();
        assertThat(dmuThen.getList("uncoveredRoles")).doesNotContain("SPONSOR");
        assertThat(dmuThen.getList("formerContacts")).isEmpty();
        assertThat(dmuThen.getList("roles.SPONSOR.contactId")).containsExactlyElementsOf(
                dmuNow.getList("formerContacts.findAll { it.roles.contains('SPONSOR') }.contactId"));

        assertThat(report(reader, "HELIX-PHARMA", "health").getString("health.band")).isEqualTo("GREEN");
        assertThat(report(reader, "HELIX-PHARMA", "stage").getString("stage")).isEqualTo("INTEGRATED");
    }

    /**
     * The demo's insights on kam.insight.events, as reporting-service/README.md "Insights the demo produces" lists them
     * (DemoInsightsTest derives the same list without infrastructure), each valid CloudEvents from reporting-service.
     */
    @Test
    void theDemoPortfolioYieldsTheDocumentedInsights() throws Exception {
        String readme = java.nio.file.Files.readString(REPO.resolve("reporting-service/README.md"));
        List<String> documented = new java.util.ArrayList<>();
        for (String line : readme.substring(readme.indexOf("<!-- demo-insights -->"), readme.indexOf("<!-- /demo-insights -->"))
                .split("\n")) {
            if (line.startsWith("- `")) {
                documented.add(line.substring(2).replace("`", "").replaceAll(":.*$", "").trim());
            }
        }
        assertThat(documented).isNotEmpty();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", "localhost:29092");
        props.put("enable.auto.commit", "false");
        var strings = new org.apache.kafka.common.serialization.StringDeserializer();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(props, strings, strings)) {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(180).toNanos();
            // The topic appears with the first insight published (a pass runs once the demo load has settled).
            List<org.apache.kafka.common.TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.listTopics(java.time.Duration.ofSeconds(10)).getOrDefault("kam.insight.events", List.of())
                        .stream().map(p -> new org.apache.kafka.common.TopicPartition("kam.insight.events", p.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    sleep(1000);
                }
            }
            assertThat(partitions).as("the topic kam.insight.events").isNotEmpty();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!seen.containsAll(documented) && System.nanoTime() < deadline) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    var source = record.headers().lastHeader("ce_source");
                    assertThat(source).isNotNull();
                    assertThat(new String(source.value(), java.nio.charset.StandardCharsets.UTF_8))
                            .isEqualTo("/kam-platform/reporting-service");
                    var data = mapper.readTree(record.value());
                    String t = new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
                    String detail = switch (t) {
                        case "MajorCustomerThresholdCrossed" -> data.path("direction").asText() + " by " + data.path("by").asText();
                        case "ConcentrationLevelChanged" -> "by " + data.path("by").asText() + " " + data.path("from").asText()
                                + " to " + data.path("to").asText();
                        case "MarginPressureFlagRaised", "MarginPressureFlagCleared" -> data.path("flag").asText();
                        case "HealthBandChanged", "StageChanged" -> data.path("from").asText() + " to " + data.path("to").asText();
                        default -> "";
                    };
                    seen.add((t + " " + record.key() + " " + detail).trim());
                }
            }
        }
        assertThat(seen).as("insights on kam.insight.events").containsAll(documented);
    }

    /**
     * Push, end to end: a local receiver subscribed through the admin API gets the insight a new story yields (a
     * non-key account with a large potential, little revenue and no contact: neglected potential), signed as README
     * "Webhooks" documents, and the delivery log says DELIVERED.
     */
    @Test
    void aLocalWebhookReceiverGetsTheInsightOfANewStorySigned() throws Exception {
        String admin = tokens.get("KAM_TOKEN_KAM_ADMIN");
        String writer = tokens.get("KAM_TOKEN_CRM_WRITER");
        String account = "E2E-HOOK-" + System.currentTimeMillis();
        record Received(Map<String, List<String>> headers, byte[] body) {
        }
        List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\","
                            + "\"eventTypes\":[\"NeglectedPotentialDetected\"],\"filters\":{\"accountIds\":[\"" + account + "\"]}}")
                    .when().post(REPORTS + "/api/admin/webhooks").then().statusCode(201).extract().jsonPath();
            String secret = created.getString("secret");
            String subscription = created.getString("subscription.id");

            String today = Instant.now().toString();
            post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("reg", "AccountRegistered", today,
                    "{\"name\":\"Hook Neglected Oy\",\"sector\":\"Food\",\"country\":\"FI\"}"));
            post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("pot", "SalesPotentialAssessed", today,
                    "{\"annualPotential\":{\"amount\":\"9000000\",\"currency\":\"EUR\"},\"rationale\":\"five plants\"}"));
            post(ACCOUNTS + "/api/accounts/" + account + "/events", writer, event("rev", "RevenueRecognized", today,
                    "{\"month\":\"" + YearMonth.now(ZoneOffset.UTC).minusMonths(1) + "\",\"revenue\":{\"amount\":\"10000\","
                            + "\"currency\":\"EUR\"},\"costOfSales\":{\"amount\":\"7000\",\"currency\":\"EUR\"}}"));

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                sleep(250);
            }
            assertThat(received).as("deliveries to the local receiver").hasSize(1);
            Received delivery = received.get(0);
            String signature = delivery.headers().get("Kam-signature").get(0);
            assertThat(io.kamplatform.reporting.webhook.ReceiverVerification.verify(secret, signature, delivery.body(),
                    Instant.now().getEpochSecond(), 300)).as("KAM-Signature verifies: %s", signature).isTrue();
            assertThat(io.kamplatform.reporting.webhook.ReceiverVerification.verify("another secret of 24+ chars!", signature,
                    delivery.body(), Instant.now().getEpochSecond(), 300)).isFalse();
            JsonPath event = JsonPath.from(new String(delivery.body(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(event.getString("type")).isEqualTo("NeglectedPotentialDetected");
            assertThat(event.getString("source")).isEqualTo("/kam-platform/reporting-service");
            assertThat(event.getString("data.accountId")).isEqualTo(account);
            assertThat(event.getList("data.causes")).isNotEmpty();
            assertThat(delivery.headers().get("Kam-delivery-id")).isNotEmpty();

            JsonPath log = given().auth().oauth2(admin).when()
                    .get(REPORTS + "/api/admin/webhooks/" + subscription + "/deliveries").then().statusCode(200).extract().jsonPath();
            assertThat(log.getList("deliveries.status")).containsExactly("DELIVERED");
            assertThat(log.getString("deliveries[0].id")).isEqualTo(delivery.headers().get("Kam-delivery-id").get(0));
        } finally {
            receiver.stop(0);
        }
    }

    /** A messy CRM export imported with ./deploy/local/import shows in the reports; importing it again posts nothing. */
    @Test
    void aCrmExportImportedWithTheCommandShowsInTheReports() throws Exception {
        String first = runImport();
        assertThat(first).contains("Import finished.").contains("Rejected rows:");
        String reader = tokens.get("KAM_TOKEN_KAM_READER");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> types = List.of();
        while (!types.contains("ContractSigned") && System.nanoTime() < deadline) {
            sleep(200);
            types = given().auth().oauth2(reader).when().get(REPORTS + "/api/reports/accounts/ACME-DE/timeline")
                    .then().extract().jsonPath().getList("events.type");
        }
        assertThat(types).as("the imported account's events in the reporting timeline")
                .contains("AccountRegistered", "RevenueRecognized", "ContractSigned");
        assertThat(report(reader, "ACME-DE", "dmu").getString("accountId")).isEqualTo("ACME-DE");

        String second = runImport();
        assertThat(second).as("a re-import posts nothing new").contains("posted: 0");
    }

    static String runImport() throws Exception {
        Path fixtures = REPO.resolve("crm-import/src/test/resources/importer");
        List<String> command = new ArrayList<>(List.of(REPO.resolve("deploy/local/import").toString(),
                "--mapping", fixtures.resolve("mapping.yaml").toString(),
                "--accounts", fixtures.resolve("accounts.csv").toString(),
                "--deals", fixtures.resolve("deals.csv").toString(),
                "--products", fixtures.resolve("products.csv").toString(),
                "--account-url", ACCOUNTS, "--relationship-url", RELATIONSHIPS,
                "--token", tokens.get("KAM_TOKEN_CRM_WRITER")));
        for (String optional : List.of("contacts", "activities")) {
            if (Files.exists(fixtures.resolve(optional + ".csv"))) {
                command.addAll(List.of("--" + optional, fixtures.resolve(optional + ".csv").toString()));
            }
        }
        Path out = Files.createTempFile(HOME, "import-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("import finished").isTrue();
        String output = Files.readString(out);
        System.out.println(output);
        assertThat(process.exitValue()).as("exit code (2 = some rows rejected)\n" + output).isIn(0, 2);
        return output;
    }

    static JsonPath report(String token, String account, String report) {
        return given().auth().oauth2(token).when().get(REPORTS + "/api/reports/accounts/" + account + "/" + report)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath timeline(String token, String account) {
        return given().auth().oauth2(token).queryParam("limit", 500)
                .when().get(REPORTS + "/api/reports/accounts/" + account + "/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    static String event(String id, String type, String occurredAt, String data) {
        return "{\"eventId\":\"" + id + "-" + System.nanoTime() + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + occurredAt + "\",\"data\":" + data + "}";
    }

    static void post(String url, String token, String body) {
        int status = postStatus(url, token, body);
        assertThat(status).as("POST %s %s", url, body).isEqualTo(201);
    }

    static int postStatus(String url, String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(url).statusCode();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
