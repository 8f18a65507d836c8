package io.kamplatform.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.portfolio.Alert;
import io.kamplatform.reporting.domain.portfolio.ManagerAlerts;
import io.kamplatform.reporting.domain.portfolio.ManagerAlerts.KeyAccountState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manager view's alerts, rule by rule, at their edges. */
class ManagerAlertsTest {

    static KeyAccountState state(Integer score, String band, boolean forcedRed, String stage, Integer delta,
                                 List<String> stale, boolean complete) {
        return new KeyAccountState("A1", score, band, forcedRed, forcedRed ? List.of("Forced RED: complaint C1") : List.of(),
                stage, List.of("a contact left"), delta, stale, complete);
    }

    static List<String> kinds(KeyAccountState state) {
        return ManagerAlerts.of(state).stream().map(Alert::kind).toList();
    }

    @Test
    void aHealthyAccountRaisesNothing() {
        assertThat(ManagerAlerts.of(state(80, "GREEN", false, "INTEGRATED", 0, List.of(), true))).isEmpty();
    }

    @Test
    void aCriticalOverrideStandsInsteadOfTheRedBand() {
        assertThat(kinds(state(30, "RED", true, "BASIC", null, List.of(), true))).containsExactly("CRITICAL");
        assertThat(ManagerAlerts.of(state(30, "RED", false, "BASIC", null, List.of(), true)))
                .containsExactly(new Alert("A1", "RED_BAND", "health 30 is in the red band"));
    }

    @Test
    void fallingFromTenPointsIn30Days() {
        assertThat(kinds(state(60, "AMBER", false, "BASIC", -ManagerAlerts.FALLING_POINTS, List.of(), true)))
                .containsExactly("FALLING");
        assertThat(kinds(state(60, "AMBER", false, "BASIC", -ManagerAlerts.FALLING_POINTS + 1, List.of(), true))).isEmpty();
        assertThat(ManagerAlerts.FALLING_POINTS).isEqualTo(10);
    }

    @Test
    void disintegratingStaleAndMissingEventsEachRaiseTheirOwn() {
        assertThat(kinds(state(60, "AMBER", false, "DISINTEGRATING", null, List.of("Engagement"), false)))
                .containsExactly("DISINTEGRATING", "STALE_DATA", "MISSING_EVENTS");
    }
}
