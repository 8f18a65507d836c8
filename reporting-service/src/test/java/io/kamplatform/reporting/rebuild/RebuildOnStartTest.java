package io.kamplatform.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.reporting.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kam.read-models.rebuild-on-start=true: the service rebuilds its read models from the topics when it starts. */
@QuarkusTest
@TestProfile(RebuildOnStartTest.RebuildOnStart.class)
class RebuildOnStartTest {

    public static class RebuildOnStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kam.read-models.rebuild-on-start", "true");
        }
    }

    @Test
    void aRebuildRunsAtStartAndSwitchesIn() {
        JsonPath first = progress();
        assertThat(first.getString("state")).as("started with the service, not on request").isNotEqualTo("IDLE");
        assertThat(first.getString("startedAt")).isNotNull();
        await().atMost(Duration.ofSeconds(120)).until(() -> !java.util.List.of("REPLAYING", "WARMING", "SWITCHING")
                .contains(progress().getString("state")));
        JsonPath done = progress();
        assertThat(done.getString("state")).as(done.prettify()).isEqualTo("DONE");
        assertThat(done.getList("partitions")).isNotEmpty();
        assertThat(done.getLong("lagRecords")).isZero();
    }

    static JsonPath progress() {
        return given().auth().oauth2(Tokens.admin()).when().get(ReadModelRebuildTest.PATH).then().statusCode(200)
                .extract().jsonPath();
    }
}
