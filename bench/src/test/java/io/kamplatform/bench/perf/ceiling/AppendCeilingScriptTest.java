package io.kamplatform.bench.perf.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** pgbench clients write to streams of their own (client + clients * k), inside the seeded pool. */
class AppendCeilingScriptTest {

    private static final Pattern STREAM = Pattern.compile("\\(:client_id \\+ (\\d+) \\* \\(:k \\+ (\\d+)\\)\\)");
    private static final Pattern K = Pattern.compile("\\\\set k random\\(0, (\\d+)\\)");

    @Test
    void everyClientOwnsItsStreamsAndStaysInThePool() {
        int clients = 32;
        int pool = 10_000;
        String script = AppendCeiling.script(100, AppendCeiling.STREAMS_PER_BATCH, clients, pool);
        Matcher k = K.matcher(script);
        assertTrue(k.find());
        int maxK = Integer.parseInt(k.group(1));
        Set<Integer> offsets = new HashSet<>();
        Matcher m = STREAM.matcher(script);
        while (m.find()) {
            assertEquals(clients, Integer.parseInt(m.group(1)));
            offsets.add(Integer.parseInt(m.group(2)));
        }
        assertEquals(AppendCeiling.STREAMS_PER_BATCH, offsets.size());
        int maxOffset = offsets.stream().mapToInt(Integer::intValue).max().orElseThrow();
        // the highest stream any client can reach: (clients - 1) + clients * (maxK + maxOffset)
        assertTrue((clients - 1) + clients * (maxK + maxOffset) < pool);
        assertTrue(script.contains("\\startpipeline") && script.contains("\\endpipeline"));
    }

    @Test
    void aSingleEventWritesOneStream() {
        String script = AppendCeiling.script(1, 1, 8, 150);
        Matcher m = STREAM.matcher(script);
        Set<String> streams = new HashSet<>();
        while (m.find()) {
            streams.add(m.group());
        }
        assertEquals(1, streams.size());
        assertTrue(!script.contains("\\startpipeline"));
    }
}
