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
                """;
        HealthAnswers.Totals totals = HealthAnswers.parse(exposition);
        assertEquals(45031, totals.read());
        assertEquals(1470, totals.folded());
    }

    @Test
    void describesTheShareFolded() {
        assertEquals("health reports for now: 300 read, 100 folded (25%)",
                HealthAnswers.describe(new HealthAnswers.Totals(300, 100)));
        assertEquals("health reports for now: 0 read, 0 folded (0%)", HealthAnswers.describe(new HealthAnswers.Totals(0, 0)));
    }
}
