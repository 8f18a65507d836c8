package io.kamplatform.kit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.kit.recording.StreamStates.Planned;
import io.kamplatform.kit.recording.StreamStates.Remembered;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The memory of stream states: bounded, newest version kept, every n-th resume read whole to be verified. */
class StreamStatesTest {

    private static Remembered at(long version) {
        return new Remembered("ACME", version, "evt-" + version, "state at " + version);
    }

    @Test
    void aStreamInMemoryIsReadFromItsRememberedVersionAndOthersWhole() {
        StreamStates states = new StreamStates(10, 0, new SimpleMeterRegistry());
        states.remember("a", at(7));

        Map<String, Planned> plan = states.plan(List.of("a", "b"));

        assertThat(plan.get("a").fromVersion()).isEqualTo(7);
        assertThat(plan.get("a").remembered()).isEqualTo(at(7));
        assertThat(plan.get("b").fromVersion()).isZero();
        assertThat(plan.get("b").remembered()).isNull();
    }

    @Test
    void anOlderStateNeverReplacesANewerOne() {
        StreamStates states = new StreamStates(10, 0, new SimpleMeterRegistry());
        states.remember("a", at(9));
        states.remember("a", at(4)); // a transaction that read before another's append remembers later

        assertThat(states.remembered("a")).contains(at(9));
        states.remember("a", at(10));
        assertThat(states.remembered("a")).contains(at(10));
    }

    @Test
    void whenFullTheLeastRecentlyUsedStreamIsForgotten() {
        StreamStates states = new StreamStates(2, 0, new SimpleMeterRegistry());
        states.remember("a", at(1));
        states.remember("b", at(1));
        states.plan(List.of("a")); // a used since b

        states.remember("c", at(1));

        assertThat(states.size()).isEqualTo(2);
        assertThat(states.remembered("b")).isEmpty();
        assertThat(states.remembered("a")).isPresent();
        assertThat(states.remembered("c")).isPresent();
    }

    @Test
    void everyNthResumeReadsTheWholeStreamToVerifyIt() {
        StreamStates states = new StreamStates(10, 3, new SimpleMeterRegistry());
        states.remember("a", at(5));

        List<Long> from = List.of(1, 2, 3, 4, 5, 6).stream()
                .map(i -> states.plan(List.of("a")).get("a").fromVersion()).toList();

        assertThat(from).containsExactly(5L, 5L, 0L, 5L, 5L, 0L);
    }

    @Test
    void zeroEntriesKeepNothing() {
        StreamStates none = new StreamStates(0, 0, new SimpleMeterRegistry());
        none.remember("a", at(3));
        assertThat(none.size()).isZero();
        assertThat(none.plan(List.of("a")).get("a").fromVersion()).isZero();
        assertThatThrownBy(() -> new StreamStates(-1, 0, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
