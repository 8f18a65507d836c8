package io.kamplatform.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.kit.messaging.BackOff;
import io.kamplatform.kit.messaging.InfrastructureFailures;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The classification the projection's fate rests on (service-kit's kit.messaging, tested here where it is used): an
 * infrastructure failure is waited out, anything else dead-letters the record.
 */
class InfrastructureFailuresTest {

    static PgException pg(String sqlState, String message) {
        return new PgException(message, "ERROR", sqlState, null);
    }

    @Test
    void anUnavailableDatabaseIsInfrastructure() {
        assertThat(InfrastructureFailures.isInfrastructure(
                pg("55000", "database \"reporting\" is not currently accepting connections"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("57P01", "terminating connection due to administrator command"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("57P03", "the database system is starting up"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("08006", "connection failure"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("53300", "too many connections"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("40001", "could not serialize access"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("40P01", "deadlock detected"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("58030", "could not write"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(pg("25006", "cannot execute INSERT in a read-only transaction"))).isTrue();
    }

    @Test
    void connectionsThatFailOrCloseAreInfrastructureEvenWhenWrapped() {
        assertThat(InfrastructureFailures.isInfrastructure(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(new NoStackTraceTimeoutException("Timeout waiting for connection"))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(
                new CompletionException(new IllegalStateException("wrapped", new ConnectException("Connection refused"))))).isTrue();
        assertThat(InfrastructureFailures.isInfrastructure(
                new CompositeException(new IllegalStateException("first"), pg("08001", "cannot connect")))).isTrue();
    }

    @Test
    void whatTheRecordOrTheCodeCausedIsNot() {
        assertThat(InfrastructureFailures.isInfrastructure(pg("22P05", "unsupported Unicode escape sequence"))).isFalse();
        assertThat(InfrastructureFailures.isInfrastructure(pg("23505", "duplicate key value"))).isFalse();
        assertThat(InfrastructureFailures.isInfrastructure(pg("42703", "column does not exist"))).isFalse();
        assertThat(InfrastructureFailures.isInfrastructure(new UnreadableRecordException("not JSON"))).isFalse();
        assertThat(InfrastructureFailures.isInfrastructure(new NullPointerException())).isFalse();
    }

    @Test
    void backOffDoublesUpToItsCapAndJittersWithinBounds() {
        BackOff backOff = new BackOff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.5);
        assertThat(backOff.nominal(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backOff.nominal(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backOff.nominal(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backOff.nominal(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backOff.nominal(Long.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
        for (int i = 0; i < 200; i++) {
            assertThat(backOff.delay(3).toMillis()).isBetween(400L, 1200L);
            assertThat(backOff.delay(40)).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        }
    }
}
