package io.kamplatform.reporting.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Filters, the back-off schedule and the secrets box, without infrastructure. */
class DeliveryRulesTest {

    static Insight insight(String type, String account, String manager, String band) {
        return new Insight("ins-1", "/src", type, account, "2026-11-30T10:00:00Z", account == null ? "portfolio" : account,
                account, manager, band, JsonNodeFactory.instance.objectNode());
    }

    static Subscription subscription(List<String> types, List<String> accounts, List<String> managers, List<String> bands) {
        return new Subscription(UUID.randomUUID(), "https://x.example.com", null, types, accounts, managers, bands, true, null, null);
    }

    @Test
    void everyNonEmptyFilterMustMatch() {
        Insight red = insight("HealthBandChanged", "ACME", "m.weber", "RED");
        assertThat(subscription(List.of(), List.of(), List.of(), List.of()).matches(red)).isTrue();
        assertThat(subscription(List.of("HealthBandChanged"), List.of("ACME"), List.of("m.weber"), List.of("RED", "AMBER")).matches(red)).isTrue();
        assertThat(subscription(List.of("StageChanged"), List.of(), List.of(), List.of()).matches(red)).as("type").isFalse();
        assertThat(subscription(List.of(), List.of("OTHER"), List.of(), List.of()).matches(red)).as("account").isFalse();
        assertThat(subscription(List.of(), List.of(), List.of("j.doe"), List.of()).matches(red)).as("manager").isFalse();
        assertThat(subscription(List.of(), List.of(), List.of(), List.of("GREEN")).matches(red)).as("band").isFalse();
        Insight portfolio = insight("ConcentrationLevelChanged", null, null, null);
        assertThat(subscription(List.of(), List.of(), List.of(), List.of()).matches(portfolio)).isTrue();
        assertThat(subscription(List.of(), List.of("ACME"), List.of(), List.of()).matches(portfolio)).as("no account").isFalse();
        assertThat(subscription(List.of(), List.of(), List.of(), List.of("RED")).matches(portfolio)).as("no band").isFalse();
        Subscription disabled = new Subscription(UUID.randomUUID(), "https://x.example.com", null, List.of(), List.of(),
                List.of(), List.of(), false, null, null);
        assertThat(disabled.matches(red)).as("paused: queued, sent when enabled again").isTrue();
    }

    @Test
    void backOffDoublesUpToTheCapWithFullJitterAndDeadLettersAfterTheLastAttempt() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 10);
        assertThat(List.of(1, 2, 3, 4, 9, 10, 60).stream().map(schedule::ceiling).toList()).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80),
                Duration.ofSeconds(2560),
                Duration.ofHours(1), Duration.ofHours(1));
        // Full jitter: anything from 0 to the ceiling, drawn uniformly.
        assertThat(schedule.delay(3, bound -> 0)).isZero();
        assertThat(schedule.delay(3, bound -> bound - 1)).isEqualTo(Duration.ofSeconds(40));
        for (int i = 0; i < 1000; i++) {
            assertThat(schedule.delay(2, bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound)))
                    .isBetween(Duration.ZERO, Duration.ofSeconds(20));
        }
        assertThat(schedule.exhausted(9)).isFalse();
        assertThat(schedule.exhausted(10)).isTrue();
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(10), Duration.ofSeconds(5), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(5), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsAreEncryptedPerSubscriptionAndOnlyDecryptWithTheirKeyAndId() {
        SecretBox box = new SecretBox(SecretBox.key("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        String id = UUID.randomUUID().toString();
        String stored = box.encrypt("whsec_abcdefghijklmnopqrstuvwxyz", id);
        assertThat(stored).startsWith("v1:").doesNotContain("whsec_");
        assertThat(box.encrypt("whsec_abcdefghijklmnopqrstuvwxyz", id)).as("random nonce").isNotEqualTo(stored);
        assertThat(box.decrypt(stored, id)).isEqualTo("whsec_abcdefghijklmnopqrstuvwxyz");
        assertThatThrownBy(() -> box.decrypt(stored, UUID.randomUUID().toString())).as("copied to another row")
                .isInstanceOf(IllegalStateException.class);
        SecretBox other = new SecretBox(SecretBox.key("HxEAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0="));
        assertThatThrownBy(() -> other.decrypt(stored, id)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox((javax.crypto.SecretKey) null).encrypt("x", id)).isInstanceOf(SecretBox.NotConfigured.class);
        assertThatThrownBy(() -> SecretBox.key("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecretBox.generate()).startsWith("whsec_").hasSizeGreaterThan(40).isNotEqualTo(SecretBox.generate());
    }
}
