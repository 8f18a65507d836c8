package io.kamplatform.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximum() {
        Backoff backoff = Backoff.DEFAULT.copy();
        long[] seconds = new long[8];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = backoff.next().toSeconds();
        }
        assertEquals("[1, 2, 4, 8, 16, 30, 30, 30]", java.util.Arrays.toString(seconds));
    }

    @Test
    void startsOverOnlyAfterAProcessStayedUpForAWhile() {
        Backoff backoff = Backoff.DEFAULT.copy();
        backoff.next();
        backoff.next();
        backoff.ranFor(Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(4), backoff.next(), "a short run is still a crash loop");
        backoff.ranFor(Duration.ofMinutes(2));
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }
}
