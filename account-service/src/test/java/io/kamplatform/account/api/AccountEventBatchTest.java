package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk loads: items decided in order, one result each, bad items do not stop good ones, re-runs record nothing. */
@QuarkusTest
class AccountEventBatchTest {

    @Test
    void aBatchRecordsGoodItemsAndExplainsBadOnes() {
        String parent = Events.newAccountId();
        String child = Events.newAccountId();
        String registerParent = Events.newEventId();
        String body = batch(
                item(parent, registerParent, "AccountRegistered", "{\"name\":\"Group SE\",\"sector\":\"Chemicals\",\"country\":\"FR\"}"),
                item(child, Events.newEventId(), "AccountRegistered",
                        "{\"name\":\"Group Italia\",\"sector\":\"Chemicals\",\"country\":\"IT\",\"parentAccountId\":\"" + parent + "\"}"),
                item(parent, Events.newEventId(), "KeyAccountDesignated", "{\"rationale\":\"30% of revenue\"}"),
                item(parent, Events.newEventId(), "KeyAccountDesignationRevoked", "{}"),
                item(Events.newAccountId(), Events.newEventId(), "KeyAccountDesignated", "{\"rationale\":\"unknown account\"}"),
                item(parent, registerParent, "AccountRegistered", "{\"name\":\"Group SE\",\"sector\":\"Chemicals\",\"country\":\"FR\"}"));

        post(body).then().statusCode(200)
                .body("recorded", equalTo(3))
                .body("duplicates", equalTo(1))
                .body("rejected", equalTo(2))
                .body("results.status", equalTo(List.of("RECORDED", "RECORDED", "RECORDED", "REJECTED", "REJECTED", "DUPLICATE")))
                .body("results[3].problem.violations[0].field", equalTo("items[3].data.reason"))
                .body("results[4].problem.code", equalTo("ACCOUNT_NOT_REGISTERED"))
                .body("results[5].receipt.version", equalTo(1));

        given().auth().oauth2(Tokens.reader()).when().get("/api/accounts/{id}", child)
                .then().statusCode(200).body("parentAccountId", equalTo(parent));

        // The same file again: everything is a duplicate or rejected as before, nothing new is stored.
        post(body).then().statusCode(200).body("recorded", equalTo(0)).body("duplicates", equalTo(4));
    }

    @Test
    void aBatchBeyondTheItemLimitIsRefusedWhole() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i <= AccountEventBatch.MAX_ITEMS; i++) {
            items.add(item("A" + i, "e" + i, "KeyAccountDesignated", "{\"rationale\":\"r\"}"));
        }
        post(batch(items.toArray(String[]::new))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("items"));
        post("{\"items\":[]}").then().statusCode(400);
    }

    @Test
    void aThousandItemBatchIsRecordedInOneRequest() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String account = Events.newAccountId();
            items.add(item(account, Events.newEventId(), "AccountRegistered",
                    "{\"name\":\"Bulk " + i + "\",\"sector\":\"Retail\",\"country\":\"ES\"}"));
            items.add(item(account, Events.newEventId(), "RevenueRecognized",
                    "{\"month\":\"2025-12\",\"revenue\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},"
                            + "\"costOfSales\":{\"amount\":\"700.00\",\"currency\":\"EUR\"}}"));
        }
        post(batch(items.toArray(String[]::new))).then().statusCode(200).body("recorded", equalTo(1000));
    }

    static String item(String accountId, String eventId, String type, String data) {
        return "{\"accountId\":\"" + accountId + "\",\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"2026-01-10T08:00:00Z\",\"data\":" + data + "}";
    }

    static String batch(String... items) {
        return "{\"items\":[" + String.join(",", items) + "]}";
    }

    static Response post(String body) {
        return given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/account-events/batch");
    }
}
