package io.kamplatform.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FutureIssuedTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final FutureIssuedTokens check = new FutureIssuedTokens(60, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenIssuedWithinTheClockSkewIsFine() {
        assertThat(check.issuedInTheFuture(NOW.getEpochSecond())).isFalse();
        assertThat(check.issuedInTheFuture(NOW.plusSeconds(60).getEpochSecond())).isFalse();
    }

    @Test
    void aTokenIssuedBeyondTheClockSkewIsNot() {
        assertThat(check.issuedInTheFuture(NOW.plusSeconds(61).getEpochSecond())).isTrue();
        assertThat(check.issuedInTheFuture(NOW.plusSeconds(86_400).getEpochSecond())).isTrue();
    }
}
