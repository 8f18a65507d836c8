package io.kamplatform.bench.perf.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProjectionPaceTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void countsFromTheFirstMoveToTheLastChange() {
        ProjectionPace.Track track = new ProjectionPace.Track(0);
        track.sample(100, 0);
        track.sample(100, SECOND);          // the consumers rejoin their group
        track.sample(150, 2 * SECOND);      // the first move: counted from here
        track.sample(5_000, 3 * SECOND);
        track.sample(9_150, 4 * SECOND);    // the last event
        track.sample(9_150, 9 * SECOND);    // waiting for the counts: not counted

        ProjectionPace.Drain drain = track.drain();

        assertEquals(9_000, drain.events());
        assertEquals(2.0, drain.seconds(), 1e-9);
        assertEquals(2.0, drain.startSeconds(), 1e-9);
        assertEquals(4_500, drain.rate(), 1e-9);
        assertEquals(9_050, drain.backlog());
        assertEquals("4,500 events/s (9,000 events in 2.0 s, of a backlog of 9,050)", drain.toString());
    }

    @Test
    void nothingToProjectAndNoMetricsAreToldApart() {
        ProjectionPace.Track idle = new ProjectionPace.Track(0);
        idle.sample(7, 0);
        idle.sample(7, SECOND);
        assertEquals("nothing left to project", idle.drain().toString());
        assertNull(new ProjectionPace.Track(0).drain());
    }

    @Test
    void sumsEveryTopicAndOnlyThatMetric() {
        String exposition = """
                # TYPE kam_projection_projected_total counter
                kam_projection_projected_total{topic="kam.account.events"} 1200.0
                kam_projection_projected_total{topic="kam.contract.events"} 34.0
                kam_projection_projected_total_created 1.7E9
                kam_projection_duplicates_total{topic="kam.account.events"} 5.0
                """;
        assertEquals(1234.0, ProjectionPace.parse(exposition));
        assertNull(ProjectionPace.parse("kam_projection_duplicates_total 5.0\n"));
    }
}
