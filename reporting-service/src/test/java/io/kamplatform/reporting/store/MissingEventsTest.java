package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.completeness.MissingEvents;
import org.junit.jupiter.api.Test;

/** A late event splits, shrinks or closes its range of missing versions. */
class MissingEventsTest {

    static MissingEvents range(long from, long to) {
        return new MissingEvents("/kam-platform/account-service", "ACME", from, to);
    }

    @Test
    void aLateEventSplitsShrinksOrClosesItsRange() {
        assertThat(range(3, 9).without(5)).containsExactly(range(3, 4), range(6, 9));
        assertThat(range(3, 9).without(3)).containsExactly(range(4, 9));
        assertThat(range(3, 9).without(9)).containsExactly(range(3, 8));
        assertThat(range(4, 4).without(4)).isEmpty();
        assertThat(range(2, 4999).count()).isEqualTo(4998);
    }
}
