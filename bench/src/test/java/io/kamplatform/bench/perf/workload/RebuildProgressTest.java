package io.kamplatform.bench.perf.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.bench.perf.workload.ReplayWorkload.Progress;
import org.junit.jupiter.api.Test;

/** W3 reads the rebuild endpoint's progress loosely: the shapes issue 13 may answer with. */
class RebuildProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Progress progress(String json) throws Exception {
        return Progress.of(JSON.readTree(json));
    }

    @Test
    void terminalStatesEndTheRunInAnyFieldAndCase() throws Exception {
        assertTrue(progress("{\"state\":\"DONE\"}").finished(false));
        assertTrue(progress("{\"status\":\"switched\",\"eventsReplayed\":1000}").finished(false));
        assertTrue(progress("{\"phase\":\"Completed\"}").finished(false));
        assertTrue(progress("{\"state\":\"FAILED\",\"error\":\"x\"}").failed());
    }

    @Test
    void idleEndsItOnlyAfterTheRebuildWasSeenRunningOrCarriesACount() throws Exception {
        assertFalse(progress("{\"state\":\"IDLE\"}").finished(false), "the first poll may come before it starts");
        assertTrue(progress("{\"state\":\"IDLE\"}").finished(true));
        assertTrue(progress("{\"state\":\"IDLE\",\"progress\":{\"replayed\":42}}").finished(false));
        assertFalse(progress("{\"running\":false}").finished(false));
        assertTrue(progress("{\"running\":false}").finished(true));
    }

    @Test
    void runningStatesAndCounts() throws Exception {
        Progress replaying = progress("{\"state\":\"REPLAYING\",\"events\":500,\"total\":1000}");
        assertTrue(replaying.running());
        assertFalse(replaying.finished(true));
        assertEquals(500, replaying.replayed());
        assertTrue(progress("{\"running\":true}").running());
        assertEquals(-1, progress("{\"state\":\"DONE\"}").replayed());
    }
}
