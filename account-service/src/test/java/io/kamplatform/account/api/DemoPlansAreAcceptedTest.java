package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.local.demo.DemoPortfolio;
import io.kamplatform.local.demo.DemoStories;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The demo's account plans (deploy/local) pass the real rules: the account events of the two plan stories, posted as
 * the launcher posts them, are all recorded — under fresh account ids, so the test runs on any database.
 */
@QuarkusTest
class DemoPlansAreAcceptedTest {

    @Test
    void theStoryAccountsPlansAreRecorded() {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        List<PlannedEvent> story = DemoPortfolio.generate(DemoPortfolio.DEFAULT_SEED, LocalDate.now(ZoneOffset.UTC)).stream()
                .filter(e -> e.service() == PlannedEvent.Service.ACCOUNT)
                .filter(e -> e.accountId().equals(DemoStories.HEALTHY_PARTNERSHIP) || e.accountId().equals(DemoStories.SPONSOR_LEFT))
                .toList();
        assertThat(story).filteredOn(e -> e.type().equals("AccountPlanPublished")).hasSize(2);
        assertThat(story).filteredOn(e -> e.type().equals("AccountRegistered"))
                .allMatch(e -> !e.data().has("parentAccountId"), "the story accounts have no parent to register first");

        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (PlannedEvent event : story) {
            ObjectNode item = event.toBatchItem();
            item.put("accountId", event.accountId() + suffix);
            item.put("eventId", event.eventId() + suffix);
            items.add(item);
        }
        JsonPath answer = given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body(JsonNodeFactory.instance.objectNode().set("items", items).toString())
                .when().post("/api/account-events/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.problem", Object.class)).allMatch(p -> p == null);
        assertThat(answer.getInt("recorded")).isEqualTo(story.size());
    }
}
