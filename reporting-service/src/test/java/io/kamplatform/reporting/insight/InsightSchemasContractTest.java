package io.kamplatform.reporting.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kamplatform.reporting.domain.dependency.CustomerShare;
import io.kamplatform.reporting.domain.margin.PressureDriver;
import io.kamplatform.reporting.domain.potential.NeglectedAccount;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Producer-side contract test of the insights, like the writers' golden tests: every insight type has its JSON Schema
 * and AsyncAPI message under META-INF/resources (served by reporting-service), and insights of every type, as the rules
 * build them and the pass serializes them, validate against their schema. InsightEventsTest validates the records it
 * reads back from Kafka the same way ({@link #problems}).
 */
class InsightSchemasContractTest {

    static final Path RESOURCES = Path.of("src/main/resources/META-INF/resources");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    /** What is wrong with {@code data} as the data of a {@code type} insight (empty: valid). */
    static Set<ValidationMessage> problems(String type, String data) throws Exception {
        Path file = RESOURCES.resolve("schemas/insight-events/v1/" + type + ".json");
        JsonSchema schema = FACTORY.getSchema(MAPPER.readTree(Files.readString(file)));
        return schema.validate(MAPPER.readTree(data));
    }

    @Test
    void everyTypeHasItsSchemaAndItsAsyncApiMessage() throws Exception {
        String asyncApi = Files.readString(RESOURCES.resolve("asyncapi.yaml"));
        assertThat(asyncApi).contains("address: kam.insight.events").contains("const: /kam-platform/reporting-service");
        for (InsightType type : InsightType.values()) {
            assertThat(RESOURCES.resolve("schemas/insight-events/v1/" + type + ".json")).exists();
            assertThat(asyncApi).contains("$ref: ./schemas/insight-events/v1/" + type + ".json")
                    .contains("$ref: '#/channels/insightEvents/messages/" + type + "'");
        }
        try (var files = Files.list(RESOURCES.resolve("schemas/insight-events/v1"))) {
            assertThat(files.count()).as("no schema without a type").isEqualTo(InsightType.values().length);
        }
    }

    @Test
    void insightsOfEveryTypeValidateAgainstTheirSchema() throws Exception {
        List<Insight> insights = everyType();
        Set<InsightType> seen = EnumSet.noneOf(InsightType.class);
        for (Insight insight : insights) {
            String data = MAPPER.writeValueAsString(insight.payload());
            assertThat(problems(insight.type().name(), data)).as("%s %s", insight.type(), data).isEmpty();
            seen.add(insight.type());
        }
        assertThat(seen).containsExactlyInAnyOrder(InsightType.values());
    }

    @Test
    void aPayloadThatDriftedFromTheSchemaIsCaught() throws Exception {
        Insight band = everyType().get(0);
        Map<String, Object> drifted = new java.util.LinkedHashMap<>(band.payload());
        drifted.put("score", "high");
        assertThat(problems(band.type().name(), MAPPER.writeValueAsString(drifted))).isNotEmpty();
        drifted = new java.util.LinkedHashMap<>(band.payload());
        drifted.remove("causes");
        assertThat(problems(band.type().name(), MAPPER.writeValueAsString(drifted))).isNotEmpty();
    }

    /** One or more insights of every type, from the rules. */
    static List<Insight> everyType() {
        Instant at = Instant.parse("2026-06-01T08:00:05.123Z");
        LocalDate day = LocalDate.parse("2026-06-01");
        AccountConclusions before = new AccountConclusions("AMBER", "INTERDEPENDENT", List.of("SQUEEZE"), false, 0);
        AccountConclusions after = new AccountConclusions("RED", "DISINTEGRATING", List.of("STATUS_ABUSE"), true, 1);
        AccountAssessed account = new AccountAssessed("ACME-DE-001", 9, after, "kam-anna", 38, List.of("SERVICE"),
                List.of("the sponsor left"), "plan-2026", 71,
                List.of(new PressureDriver("discount", new BigDecimal("25.0"), 30, "discounts deepened")),
                new NeglectedAccount("ACME-DE-001", "Acme", new BigDecimal("2500000"), new BigDecimal("40000.00"),
                        new BigDecimal("1.60"), Instant.parse("2026-05-02T10:00:00Z"), List.of("e1")));
        List<Insight> insights = new ArrayList<>(InsightRules.account(account, before,
                List.of(new Cause("e9", "ContactLeft")), "kam-health-1", at, day));
        AccountAssessed unflagged = new AccountAssessed("ACME-DE-002", 3, AccountConclusions.NOTHING, null, null,
                List.of(), List.of(), null, null, List.of(), null);
        insights.addAll(InsightRules.account(unflagged, new AccountConclusions(null, null, List.of("SQUEEZE"), false, 0),
                List.of(), "kam-health-1", at, day));
        CustomerShare share = new CustomerShare(1, "ACME-GROUP", List.of("ACME-DE-001", "ACME-FR-002"),
                new BigDecimal("1000.00"), new BigDecimal("11.42"), new BigDecimal("11.42"), true, null, null, null, List.of());
        PortfolioAssessed portfolio = new PortfolioAssessed(
                new PortfolioConclusions(List.of(), List.of("ACME-GROUP"), "LOW", "MODERATE"), Map.of(),
                Map.of("ACME-GROUP", share), new BigDecimal("1400.00"), new BigDecimal("1612.50"), new BigDecimal("7.14"),
                new BigDecimal("6.20"));
        insights.addAll(InsightRules.portfolio(portfolio, new PortfolioConclusions(List.of("ACME-DE-009"), List.of(), "LOW",
                "LOW"), Map.of("ACME-DE-001", account), Map.of("ACME-DE-001", List.of(new Cause("r1", "RevenueRecognized"))),
                at, day));
        return insights;
    }
}
