package io.kamplatform.account.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.account.support.AccountTopic;
import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.PlanEvents;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Every event type the service emits, read from the real topic, validates against the JSON Schema it
 * publishes, and its headers against the AsyncAPI document: the contract consumers rely on.
 */
@QuarkusTest
class EmittedEventsMatchSchemaTest {

    @Test
    void everyEmittedEventValidatesAgainstItsPublishedSchema() {
        String parent = Events.newAccountId();
        String account = Events.newAccountId();
        post(parent, "AccountRegistered", "{\"name\":\"Parent SE\",\"sector\":\"Chemicals\",\"country\":\"FR\"}");
        List<String[]> story = List.of(
                new String[] {"AccountRegistered", "{\"name\":\"Child SpA\",\"sector\":\"Chemicals\",\"country\":\"IT\",\"parentAccountId\":\"" + parent + "\"}"},
                new String[] {"AccountDetailsChanged", "{\"sector\":\"Specialty chemicals\"}"},
                new String[] {"SalesPotentialAssessed", "{\"annualPotential\":{\"amount\":\"2500000\",\"currency\":\"EUR\"},\"rationale\":\"three plants\"}"},
                new String[] {"RevenueRecognized", "{\"month\":\"2026-01\",\"revenue\":{\"amount\":\"1000\",\"currency\":\"EUR\"},\"costOfSales\":{\"amount\":\"700.5\",\"currency\":\"EUR\"},\"reference\":\"INV-1\"}"},
                new String[] {"RevenueCorrected", "{\"month\":\"2026-01\",\"revenueDelta\":{\"amount\":\"-100.00\",\"currency\":\"EUR\"},\"costOfSalesDelta\":{\"amount\":\"0\",\"currency\":\"EUR\"},\"reason\":\"credit note\"}"},
                new String[] {"KeyAccountDesignated", "{\"rationale\":\"potential\"}"},
                new String[] {"KeyAccountManagerAssigned", "{\"managerId\":\"kam-anna\",\"name\":\"Anna Rossi\"}"},
                new String[] {"AccountTeamMemberJoined", "{\"memberId\":\"luca\",\"function\":\"TECHNICAL\"}"},
                new String[] {"AccountTeamMemberLeft", "{\"memberId\":\"luca\"}"},
                new String[] {"KeyAccountDesignationRevoked", "{\"reason\":\"potential fell\"}"});
        // The plan facts come before the revocation that ends the story: plans are for key accounts.
        List<String[]> plan = List.of(
                new String[] {"AccountPlanPublished", PlanEvents.plan2026()},
                new String[] {"ObjectiveSet", PlanEvents.objective("O-1", "2026-12-31")},
                new String[] {"ObjectiveSet", PlanEvents.objective("O-2", "2026-12-31")},
                new String[] {"ObjectiveSet", PlanEvents.objective("O-3", "2026-12-31")},
                new String[] {"ObjectiveProgressReported", PlanEvents.progress("O-1", "27.25")},
                new String[] {"ActionPlanned", PlanEvents.action("A-1", "O-1", "2026-03-31")},
                new String[] {"ActionCompleted", "{\"planId\":\"P-2026\",\"actionId\":\"A-1\",\"comment\":null}"},
                new String[] {"ObjectiveAchieved", "{\"planId\":\"P-2026\",\"objectiveId\":\"O-1\",\"value\":36}"},
                new String[] {"ObjectiveMissed", "{\"planId\":\"P-2026\",\"objectiveId\":\"O-2\",\"reason\":\"no budget\"}"},
                new String[] {"ObjectiveDropped", "{\"planId\":\"P-2026\",\"objectiveId\":\"O-3\",\"reason\":\"obsolete\"}"},
                new String[] {"PlanReviewed", PlanEvents.review("ON_TRACK")});
        List<String[]> all = new ArrayList<>(story.subList(0, story.size() - 1));
        all.addAll(plan);
        all.add(story.get(story.size() - 1));
        all.forEach(step -> post(account, step[0], step[1]));
        assertThat(all).extracting(step -> step[0]).containsAll(AccountEventType.CATALOG.typeNames())
                .allMatch(AccountEventType.CATALOG.typeNames()::contains);

        try (AccountTopic topic = new AccountTopic()) {
            List<ConsumerRecord<String, String>> records = topic.recordsFor(List.of(account),
                    found -> found.size() >= all.size(), Duration.ofSeconds(30));
            assertThat(records).hasSize(all.size());
            for (ConsumerRecord<String, String> record : records) {
                String type = AccountTopic.header(record, "ce_type");
                assertThat(AccountEvents.PUBLISHED.validate(type, record.value()))
                        .as("%s data %s", type, record.value()).isEmpty();
                Map<String, String> headers = new HashMap<>();
                for (Header header : record.headers()) {
                    headers.put(header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
                }
                assertThat(AccountEvents.PUBLISHED.validateHeaders(type, headers)).as("%s headers %s", type, headers).isEmpty();
            }
        }
    }

    static void post(String accountId, String type, String data) {
        given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(Events.event(Events.newEventId(), type, "2026-02-01T10:00:00Z", null, data))
                .when().post("/api/accounts/{id}/events", accountId)
                .then().statusCode(201);
    }
}
