package io.kamplatform.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.kamplatform.local.KamInfraTestResource;
import io.kamplatform.local.Roles;
import io.kamplatform.local.TestInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service boots, reports health, publishes OpenAPI and enforces real signed JWTs. */
@QuarkusTest
@WithTestResource(value = KamInfraTestResource.class,
        initArgs = @ResourceArg(name = KamInfraTestResource.DATABASE, value = "reporting"))
class ReportingServiceSmokeTest {

    @Test
    void healthIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiAndMetricsArePublished() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("KAM Platform - reporting-service"));
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aSignedTokenIsRequired() {
        given().when().get("/api/service-info").then().statusCode(401);
        given().auth().oauth2(TestInfra.instance().tokenFor(Roles.KAM_READER))
                .when().get("/api/service-info").then().statusCode(200)
                .body("service", equalTo("reporting-service"))
                .body("roles", hasItem("kam-reader"));
        given().auth().oauth2(TestInfra.instance().tokenFor("someone-else"))
                .when().get("/api/service-info").then().statusCode(403);
    }
}
