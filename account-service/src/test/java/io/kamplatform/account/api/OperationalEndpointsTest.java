package io.kamplatform.account.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What ops and integrators rely on: health with its checks, metrics, the OpenAPI document and the event contract. */
@QuarkusTest
class OperationalEndpointsTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems(
                        containsString("Reactive PostgreSQL"), containsString("Reactive Messaging")));
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kam_outbox_published_total"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsWithExamples() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/accounts/{accountId}/events"))
                .body("paths", hasKey("/api/account-events/batch"))
                .body("components.schemas.AccountEventRequest.properties.type.examples[0]", equalTo("AccountRegistered"))
                .body("paths.'/api/accounts/{accountId}/events'.post.requestBody.content.'application/json'.examples", hasKey("RevenueRecognized"))
                .body("components.securitySchemes.jwt", notNullValue());
    }

    @Test
    void theEventContractIsPublished() {
        given().when().get("/asyncapi.yaml").then().statusCode(200).body(containsString("kam.account.events"));
        given().when().get("/schemas/account-events/v1/AccountRegistered.json").then().statusCode(200)
                .body("properties", hasKey("name"));
    }
}
