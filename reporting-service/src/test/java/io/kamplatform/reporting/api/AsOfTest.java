package io.kamplatform.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.kit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** asOf as users write it: a date is the end of that day (UTC), capped at now; an instant as given. */
class AsOfTest {

    static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void todayIsValidAndMeansNow() {
        assertThat(AsOf.parse("2026-03-10", CLOCK)).isEqualTo(NOW);
    }

    @Test
    void aPastDateIsTheLastMicrosecondOfThatDay() {
        assertThat(AsOf.parse("2025-12-31", CLOCK)).isEqualTo(Instant.parse("2025-12-31T23:59:59.999999Z"));
    }

    @Test
    void tomorrowIsRefused() {
        assertThatThrownBy(() -> AsOf.parse("2026-03-11", CLOCK)).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    ProblemException p = (ProblemException) e;
                    assertThat(p.problem().status()).isEqualTo(400);
                    assertThat(p.problem().violations().get(0).field()).isEqualTo("asOf");
                    assertThat(p.problem().violations().get(0).message()).contains("future");
                });
    }

    @Test
    void anInstantIsTakenAsGivenAndCappedAtNowWithinAMinuteOfClockSkew() {
        assertThat(AsOf.parse("2026-03-10T08:00:00Z", CLOCK)).isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
        assertThat(AsOf.parse("2026-03-10T09:30:30Z", CLOCK)).isEqualTo(NOW);
        assertThatThrownBy(() -> AsOf.parse("2026-03-10T09:32:00Z", CLOCK)).isInstanceOf(ProblemException.class);
    }

    @Test
    void absentIsNow() {
        assertThat(AsOf.parse(null, CLOCK)).isEqualTo(NOW);
        assertThat(AsOf.parse(" ", CLOCK)).isEqualTo(NOW);
    }
}
