package io.kamplatform.relationship.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kamplatform.relationship.support.Accounts;
import io.kamplatform.relationship.support.Topics;
import io.kamplatform.relationship.support.TracingOn;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Learning an account continues the trace of the post that registered it: the registration span is a child of the
 * writer's span named by ce_traceparent; a registration recorded without a trace starts none, and the Kafka
 * connector adds no trace of its own.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
class RegistrationTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    Pool pool;

    @Test
    void aRegistrationIsLearntInTheTraceOfItsPost() {
        String traceId = hex(16);
        String writerSpanId = hex(8);
        String traced = Accounts.newAccountId();
        String untraced = Accounts.newAccountId();

        Topics.publishRegistration(traced, "Traced GmbH", "00-" + traceId + "-" + writerSpanId + "-01");
        Topics.publishRegistration(untraced, "Untraced GmbH");
        Topics.publishRegistration(traced, "Traced GmbH", "00-" + traceId + "-" + writerSpanId + "-01"); // a redelivery

        List<SpanData> registrations = await().atMost(Duration.ofSeconds(30))
                .until(() -> spansOf(traced), found -> found.size() == 2);
        assertThat(registrations).allSatisfy(span -> {
            assertThat(span.getName()).isEqualTo("kam.account-registration AccountRegistered");
            assertThat(span.getTraceId()).isEqualTo(traceId);
            assertThat(span.getParentSpanId()).isEqualTo(writerSpanId);
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo(Topics.ACCOUNTS);
        });
        assertThat(registrations).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("kam.registration.outcome")))
                .containsExactly("LEARNT", "ALREADY_KNOWN");

        await().atMost(Duration.ofSeconds(30)).until(() -> Accounts.known(pool, untraced));
        assertThat(spansOf(untraced)).isEmpty();
        assertThat(spans.getFinishedSpanItems()).noneMatch(s -> s.getKind() == SpanKind.CONSUMER
                && !s.getName().startsWith("kam.")); // no connector span: it would start one unrelated trace per record
    }

    private List<SpanData> spansOf(String accountId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> accountId.equals(s.getAttributes().get(AttributeKey.stringKey("kam.account.id"))))
                .toList();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
