package io.kamplatform.account.api;

import io.kamplatform.account.support.Events;
import io.kamplatform.account.support.Tokens;
import io.kamplatform.kit.testing.HttpConventions;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The platform's HTTP conventions (service-kit), checked on account-service's own endpoints. */
@QuarkusTest
class HttpConventionsTest {

    @Test
    void onlyUtf8JsonBodiesAreAccepted() {
        HttpConventions.onlyUtf8JsonIsAccepted("/api/accounts/" + Events.newAccountId() + "/events", Tokens.writer(),
                Events.registration(Events.newEventId(), "Media GmbH"));
        HttpConventions.onlyUtf8JsonIsAccepted("/api/account-events/batch", Tokens.writer(), "{\"items\":[]}");
    }

    @Test
    void forbiddenSaysWhichRoleIsNeeded() {
        HttpConventions.forbiddenNamesTheRole("POST", "/api/accounts/ACME/events", Tokens.reader(), "crm-writer");
        HttpConventions.forbiddenNamesTheRole("GET", "/api/admin/outbox", Tokens.writer(), "kam-admin");
    }

    @Test
    void mistypedPagingParametersAreNamed() {
        HttpConventions.mistypedQueryParameterIsNamed("/api/accounts/ACME/events", Tokens.reader(), "limit");
        HttpConventions.mistypedQueryParameterIsNamed("/api/accounts/ACME/events", Tokens.reader(), "fromVersion");
    }

    @Test
    void aHugeBodyGetsAProblem() {
        HttpConventions.hugeBodyGetsAProblem("/api/account-events/batch", Tokens.writer());
    }

    @Test
    void metricsAreLabelledWithRouteTemplatesOnly() {
        HttpConventions.metricsCarryRouteTemplatesOnly("/api/accounts/%s/events", "/api/accounts/%s", "/api/nothing/%s");
    }

    @Test
    void tokensIssuedInTheFutureAreRefused() {
        HttpConventions.tokensIssuedInTheFutureAreRefused("GET", "/api/accounts/ACME", "kam-reader");
    }

    @Test
    void verifiedTokensAreRecognisedByTheirWholeText() {
        HttpConventions.verifiedTokensAreRecognisedByTheirWholeText("GET", "/api/accounts/ACME", "kam-reader");
    }
}
