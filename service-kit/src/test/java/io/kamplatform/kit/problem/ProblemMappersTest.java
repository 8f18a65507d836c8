package io.kamplatform.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.kamplatform.kit.http.JsonContentType;
import io.kamplatform.kit.store.ConcurrentAppendException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How failures become RFC 9457 problems, without a running service: every client mistake a 4xx that says what is
 * wrong, an outage a 503 with Retry-After, a bug a 500 that leaks nothing.
 */
class ProblemMappersTest {

    static final String PATH = "/api/accounts/ACME/events";
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    ProblemMappers mappers;
    UriInfo uri;

    record Item(Integer quantity) {
    }

    @BeforeEach
    void mappers() {
        mappers = new ProblemMappers();
        mappers.responses = new ProblemResponses(JSON);
        uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? PATH : null);
    }

    @Test
    void aProblemIsRenderedAsProblemJsonAtThePath() throws IOException {
        Response response = mappers.problem(new ProblemException(Problem.invalid(List.of(
                new Violation("data.month", "must be a month such as 2026-01")))), uri);

        JsonNode body = thenProblem(response, 400, "validation");
        assertThat(body.path("instance").asText()).isEqualTo(PATH);
        assertThat(body.at("/violations/0/field").asText()).isEqualTo("data.month");
        assertThat(body.at("/violations/0/message").asText()).isEqualTo("must be a month such as 2026-01");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() throws IOException {
        MismatchedInputException wrongType = null;
        try {
            JSON.readValue("{\"quantity\": [1]}", Item.class);
        } catch (MismatchedInputException e) {
            wrongType = e;
        }

        JsonNode body = thenProblem(mappers.mismatch(wrongType, uri), 400, "validation");
        assertThat(body.at("/violations/0/field").asText()).isEqualTo("quantity");
        assertThat(body.at("/violations/0/message").asText()).isEqualTo("must be an integer");
    }

    @Test
    void malformedJsonIsA400() throws IOException {
        JsonParseException malformed = null;
        try {
            JSON.readTree("{\"eventId\": ");
        } catch (JsonParseException e) {
            malformed = e;
        } catch (IOException e) {
            malformed = new JsonParseException(null, e.getMessage());
        }
        thenProblem(mappers.malformed(malformed, uri), 400, "malformed-json");
    }

    @Test
    void aLostRaceIsAConflictToRetry() throws IOException {
        JsonNode body = thenProblem(mappers.contention(new ConcurrentAppendException("event_store_stream_version", null), uri),
                409, "version-conflict");
        assertThat(body.path("detail").asText()).contains("retry the same request");
    }

    @Test
    void anOutageIsA503WithRetryAfterNeverA500() throws IOException {
        Response response = mappers.unexpected(new IllegalStateException("pool failed",
                new ConnectException("Connection refused")), uri);

        JsonNode body = thenProblem(response, 503, "unavailable");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(body.path("detail").asText()).contains("nothing was recorded").contains("same eventId");
    }

    @Test
    void aBugIsA500ThatLeaksNothing() throws IOException {
        JsonNode body = thenProblem(mappers.unexpected(new IllegalStateException("secret internals"), uri), 500, "internal");
        assertThat(body.toString()).doesNotContain("secret internals");
    }

    @Test
    void httpStatusesGetSentencesAClientCanActOn() throws IOException {
        JsonNode unsupported = thenProblem(mappers.http(new WebApplicationException(415), uri), 415, "unsupported-media-type");
        assertThat(unsupported.path("detail").asText()).isEqualTo(JsonContentType.DETAIL);
        JsonNode method = thenProblem(mappers.http(new WebApplicationException(405), uri), 405, "http");
        assertThat(method.path("detail").asText()).contains("does not support the method");
        thenProblem(mappers.http(new WebApplicationException(503), uri), 500, "internal");
    }

    @Test
    void noTokenIsA401ThatAsksForABearerToken() throws IOException {
        Response response = mappers.unauthorized(new UnauthorizedException(), uri);

        JsonNode body = thenProblem(response, 401, "unauthorized");
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(body.path("detail").asText()).contains("Authorization: Bearer");
    }

    private static JsonNode thenProblem(Response response, int status, String type) throws IOException {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        JsonNode body = JSON.readTree((String) response.getEntity());
        assertThat(body.path("type").asText()).isEqualTo("urn:kam-platform:problem:" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }
}
