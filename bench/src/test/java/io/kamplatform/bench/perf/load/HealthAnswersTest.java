package io.kamplatform.bench.perf.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HealthAnswersTest {

    @Test
    void readsBothAnswersAndIgnoresOtherSeries() {
        String exposition = """
                # TYPE kam_read_models_current_health_total counter
                kam_read_models_current_health_total{answered="read"} 45031.0
                kam_read_models_current_health_total{answered="folded"} 1470.0
                kam_read_models_current_kept_from_reports_total 1470.0
                kam_read_models_current_shared_total 24.0
                # TYPE kam_read_models_current_refreshed_total counter
                kam_read_models_current_refreshed_total 30103.0
                # TYPE kam_read_models_current_behind gauge
                kam_read_models_current_behind 2507.0
                kam_read_models_current_behind_seconds 9.0
                # TYPE kam_read_models_current_waited_total counter
                kam_read_models_current_waited_total 21.0
                """;
        HealthAnswers.Totals totals = HealthAnswers.parse(exposition);
        assertEquals(45031, totals.read());
        assertEquals(1470, totals.folded());
        assertEquals(30103, totals.refreshed());
        assertEquals(2507, totals.behind());
        assertEquals(21, totals.waited());
    }

    @Test
    void aServiceWithoutTheBacklogGaugeIsToldApart() {
        HealthAnswers.Totals totals = HealthAnswers.parse("kam_read_models_current_health_total{answered=\"read\"} 5.0\n");
        assertEquals(0, totals.refreshed());
        assertEquals(-1, totals.behind());
        assertEquals("health reports for now: 5 read, 0 folded (0%)", HealthAnswers.describe(totals, 10));
    }

    @Test
    void describesTheShareFolded() {
        assertEquals("health reports for now: 300 read, 100 folded (25%); the refresher computed 120 summaries a second, "
                        + "2,507 accounts behind at the end",
                HealthAnswers.describe(new HealthAnswers.Totals(300, 100, 6_000, 2_507, 0), 50));
        assertEquals("health reports for now: 0 read, 0 folded (0%); the refresher computed 0 summaries a second, "
                + "0 accounts behind at the end", HealthAnswers.describe(new HealthAnswers.Totals(0, 0, 0, 0, 0), 50));
    }

    @Test
    void saysWhenTheRefresherWaitedForACatchUp() {
        assertEquals("health reports for now: 300 read, 100 folded (25%); the refresher computed 120 summaries a second, "
                        + "2,507 accounts behind at the end, waited 3 times for the projection to catch up",
                HealthAnswers.describe(new HealthAnswers.Totals(300, 100, 6_000, 2_507, 3), 50));
    }
}
