package io.kamplatform.relationship.api;

import io.kamplatform.kit.testing.HttpConventions;
import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Events;
import io.kamplatform.relationship.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The platform's HTTP conventions (service-kit), checked on relationship-service's own endpoints. */
@QuarkusTest
class HttpConventionsTest {

    @Test
    void onlyUtf8JsonBodiesAreAccepted() {
        HttpConventions.onlyUtf8JsonIsAccepted("/api/accounts/" + Accounts.newAccountId() + "/events", Tokens.writer(),
                Events.event("CompetitorActivityObserved", "{\"competitor\":\"Rival AG\",\"threat\":\"HIGH\"}"));
        HttpConventions.onlyUtf8JsonIsAccepted("/api/relationship-events/batch", Tokens.writer(), "{\"items\":[]}");
    }

    @Test
    void forbiddenSaysWhichRoleIsNeeded() {
        HttpConventions.forbiddenNamesTheRole("POST", "/api/accounts/ACME/events", Tokens.reader(), "crm-writer");
        HttpConventions.forbiddenNamesTheRole("POST", "/api/admin/outbox/audit", Tokens.writer(), "kam-admin");
    }

    @Test
    void mistypedPagingParametersAreNamed() {
        HttpConventions.mistypedQueryParameterIsNamed("/api/accounts/ACME/events", Tokens.reader(), "limit");
        HttpConventions.mistypedQueryParameterIsNamed("/api/accounts/ACME/events", Tokens.reader(), "afterPosition");
    }

    @Test
    void aHugeBodyGetsAProblem() {
        HttpConventions.hugeBodyGetsAProblem("/api/relationship-events/batch", Tokens.writer());
    }

    @Test
    void metricsAreLabelledWithRouteTemplatesOnly() {
        HttpConventions.metricsCarryRouteTemplatesOnly("/api/accounts/%s/events", "/api/accounts/%s/contracts/%<s",
                "/api/accounts/%s/relationship");
    }

    @Test
    void tokensIssuedInTheFutureAreRefused() {
        HttpConventions.tokensIssuedInTheFutureAreRefused("GET", "/api/accounts/ACME/relationship", "kam-reader");
    }

    @Test
    void verifiedTokensAreRecognisedByTheirWholeText() {
        HttpConventions.verifiedTokensAreRecognisedByTheirWholeText("GET", "/api/accounts/ACME/relationship", "kam-reader");
    }
}
