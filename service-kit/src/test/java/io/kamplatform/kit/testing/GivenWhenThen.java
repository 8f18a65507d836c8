package io.kamplatform.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.kit.decider.Decider;
import io.kamplatform.kit.decider.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Given events, when a fact is posted, then it is accepted (the event) or rejected (the rule's code): the test
 * fixture of every {@link Decider}, with no infrastructure.
 * <pre>{@code
 * static final GivenWhenThen<Account, RecordAccountEvent, AccountEvent> RULES = GivenWhenThen.of(new AccountDecider("EUR"),
 *         history -> Account.replay("ACME", history), (event, at) -> new RecordAccountEvent("ACME", event, at, false), NOW);
 * thenRejected(RULES.given(REGISTERED).when(REGISTERED), "ACCOUNT_ALREADY_REGISTERED");
 * }</pre>
 *
 * @param <S> the stream's state
 * @param <C> the command
 * @param <E> the stream's events
 */
public final class GivenWhenThen<S, C, E> {

    /** A posted fact happened an hour before now unless the test says otherwise. */
    public static final Duration DEFAULT_AGE = Duration.ofHours(1);

    private final Decider<S, C, E> decider;
    private final Function<List<E>, S> replay;
    private final BiFunction<E, Instant, C> command;
    private final Instant now;

    private GivenWhenThen(Decider<S, C, E> decider, Function<List<E>, S> replay, BiFunction<E, Instant, C> command,
                          Instant now) {
        this.decider = decider;
        this.replay = replay;
        this.command = command;
        this.now = now;
    }

    /**
     * @param replay  folds the given events into the state
     * @param command the usual command for a posted event and when it happened
     * @param now     the decider's clock
     */
    public static <S, C, E> GivenWhenThen<S, C, E> of(Decider<S, C, E> decider, Function<List<E>, S> replay,
                                                      BiFunction<E, Instant, C> command, Instant now) {
        return new GivenWhenThen<>(decider, replay, command, now);
    }

    @SafeVarargs
    public final Scenario given(E... history) {
        return new Scenario(replay.apply(List.of(history)));
    }

    /** The state the given events folded into, and the decisions on it. */
    public final class Scenario {
        private final S state;

        Scenario(S state) {
            this.state = state;
        }

        public S state() {
            return state;
        }

        /** The usual command for the event, which happened {@link #DEFAULT_AGE} ago. */
        public Decision<E> when(E event) {
            return when(event, now.minus(DEFAULT_AGE));
        }

        public Decision<E> when(E event, Instant occurredAt) {
            return whenCommand(command.apply(event, occurredAt));
        }

        /** Any command, for the cases the usual one does not cover. */
        public Decision<E> whenCommand(C command) {
            return decider.decide(state, command, now);
        }
    }

    public static <E> void thenAccepted(Decision<E> decision, E expected) {
        assertThat(decision).isEqualTo(new Decision.Accepted<>(List.of(expected)));
    }

    public static void thenRejected(Decision<?> decision, String code) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class,
                rejected -> assertThat(rejected.rejection().code()).isEqualTo(code));
    }

    public static void thenRejectedOn(Decision<?> decision, String code, String field) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(code);
            assertThat(rejected.rejection().field()).isEqualTo(field);
        });
    }
}
