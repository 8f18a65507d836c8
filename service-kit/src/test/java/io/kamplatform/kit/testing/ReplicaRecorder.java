package io.kamplatform.kit.testing;

import io.kamplatform.kit.api.EventIntake;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.recording.StreamStates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * A second recorder beside the service's, with its own {@link StreamStates} and counts: another replica, for the
 * writers' tests of remembered stream states. The writer builds the intake around the memory it is given.
 */
public final class ReplicaRecorder {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamStates memory;
    private final EventIntake<Object> intake;

    /** {@code verifyEvery} 0: resumes are never checked against a whole replay, so decisions rest on them. */
    public ReplicaRecorder(int verifyEvery, Function<StreamStates, EventIntake<Object>> intake) {
        this.memory = new StreamStates(100, verifyEvery, registry);
        this.intake = intake.apply(memory);
    }

    public StreamStates memory() {
        return memory;
    }

    /** The HTTP status the replica answers a single posted event with (a refusal comes as its problem's status). */
    public int record(String accountId, String body) {
        try {
            return intake.recordOne(accountId, null, body.getBytes(StandardCharsets.UTF_8))
                    .await().atMost(Duration.ofSeconds(30)).getStatus();
        } catch (ProblemException refused) {
            return refused.problem().status();
        }
    }

    /** How often the replica's memory had this outcome ({@code resumed}, {@code replayed}, ...). */
    public double count(String outcome) {
        return registry.get("kam.recording.stream-states").tag("outcome", outcome).counter().count();
    }
}
