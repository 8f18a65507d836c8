package io.kamplatform.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.kit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** asKnownAt as users write it, and how it meets asOf. */
class AsKnownAtTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void absentMeansAsKnownNow() {
        AsKnownAt when = AsKnownAt.parse("2025-06-30", null, CLOCK);
        assertThat(when.asOf()).isEqualTo(Instant.parse("2025-06-30T23:59:59.999999Z"));
        assertThat(when.knownAt()).isNull();
        assertThat(when.past()).isFalse();
    }

    @Test
    void aDateIsTheEndOfThatDayAndAsOfDefaultsToIt() {
        AsKnownAt when = AsKnownAt.parse(null, "2025-07-01", CLOCK);
        assertThat(when.knownAt()).isEqualTo(Instant.parse("2025-07-01T23:59:59.999999Z"));
        assertThat(when.asOf()).isEqualTo(when.knownAt());
    }

    @Test
    void asOfBeforeAsKnownAtIsTheBitemporalQuestion() {
        AsKnownAt when = AsKnownAt.parse("2025-06-30", "2025-07-01T00:00:00Z", CLOCK);
        assertThat(when.asOf()).isEqualTo(Instant.parse("2025-06-30T23:59:59.999999Z"));
        assertThat(when.knownAt()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(when.past()).isTrue();
    }

    @Test
    void todayOrAnInstantAtNowMeansAsKnownNow() {
        assertThat(AsKnownAt.parse("2025-06-30", "2026-03-10", CLOCK).knownAt()).isNull();
        assertThat(AsKnownAt.parse("2025-06-30", "2026-03-10T09:30:20Z", CLOCK).knownAt()).isNull();
    }

    @Test
    void anAsOfAfterAsKnownAtIsRefused() {
        assertThatThrownBy(() -> AsKnownAt.parse("2025-07-02", "2025-07-01", CLOCK)).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException p = (ProblemException) e;
                    assertThat(p.problem().status()).isEqualTo(400);
                    assertThat(p.problem().violations().get(0).field()).isEqualTo("asOf");
                    assertThat(p.problem().violations().get(0).message()).contains("asKnownAt");
                });
        // asOf absent is now, which lies after any past asKnownAt: it then defaults to asKnownAt instead
        assertThat(AsKnownAt.parse(null, "2025-07-01", CLOCK).asOf()).isEqualTo(Instant.parse("2025-07-01T23:59:59.999999Z"));
    }

    @Test
    void aFutureOrMalformedAsKnownAtIsRefusedUnderItsOwnName() {
        for (String bad : new String[] {"2026-03-11", "2026-03-10T09:32:00Z", "yesterday", "2025-13-01"}) {
            assertThatThrownBy(() -> AsKnownAt.parse(null, bad, CLOCK)).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().violations().get(0).field())
                            .isEqualTo("asKnownAt"));
        }
    }
}
