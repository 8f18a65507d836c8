package io.kamplatform.account.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;

/** Batch items and batch posts as a CRM bulk load sends them. */
public final class Batches {

    private Batches() {
    }

    /** One batch item with a fresh event id. */
    public static String item(String accountId, String type, String data) {
        return "{\"accountId\":\"" + accountId + "\",\"eventId\":\"" + Events.newEventId() + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"2026-01-10T08:00:00Z\",\"data\":" + data + "}";
    }

    public static String registration(String accountId) {
        return item(accountId, "AccountRegistered", "{\"name\":\"Batch " + accountId + "\",\"sector\":\"Retail\",\"country\":\"DE\"}");
    }

    public static String revenue(String accountId, String month, String amount, String cost) {
        return item(accountId, "RevenueRecognized", "{\"month\":\"" + month + "\",\"revenue\":{\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\"},\"costOfSales\":{\"amount\":\"" + cost + "\",\"currency\":\"EUR\"}}");
    }

    /** Posts the items as one batch (one transaction); returns how many were recorded. */
    public static int post(List<String> items) {
        return given().auth().oauth2(Tokens.writer()).contentType(ContentType.JSON)
                .body("{\"items\":[" + String.join(",", items) + "]}")
                .when().post("/api/account-events/batch")
                .then().statusCode(200).extract().path("recorded");
    }
}
