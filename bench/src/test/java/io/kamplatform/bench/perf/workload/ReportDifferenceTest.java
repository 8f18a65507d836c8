package io.kamplatform.bench.perf.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ReportDifferenceTest {

    @Test
    void howTheAnswerWasReadIsNotAFigure() throws Exception {
        assertNull(ReportDifference.of("{\"hhi\":1200,\"readModel\":{\"mode\":\"POINT\",\"accountsComputedNow\":0}}",
                "{\"hhi\":1200,\"readModel\":{\"mode\":\"POINT\",\"accountsComputedNow\":10000}}"));
    }

    @Test
    void aDifferentFigureIsNamedByItsPath() throws Exception {
        assertEquals("dependency-risk report differs at /customers/1/share, /n80",
                ReportDifference.of("{\"customers\":[{\"share\":0.5},{\"share\":0.2}],\"n80\":3}",
                        "{\"customers\":[{\"share\":0.5},{\"share\":0.3}],\"n80\":4}"));
        assertEquals("dependency-risk report differs at /customers (2 vs 1 items)",
                ReportDifference.of("{\"customers\":[1,2]}", "{\"customers\":[1]}"));
    }
}
