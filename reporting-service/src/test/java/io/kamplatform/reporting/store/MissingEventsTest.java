package io.kamplatform.reporting.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.reporting.domain.completeness.MissingEvents;
import org.junit.jupiter.api.Test;

/** A range of missing versions counts and contains its versions (splitting happens in project_fact, see StreamGapsTest). */
class MissingEventsTest {

    static MissingEvents range(long from, long to) {
        return new MissingEvents("/kam-platform/account-service", "ACME", from, to);
    }

    @Test
    void aRangeCountsAndContainsItsVersions() {
        assertThat(range(2, 4999).count()).isEqualTo(4998);
        assertThat(range(4, 4).count()).isEqualTo(1);
        assertThat(range(3, 9).contains(3)).isTrue();
        assertThat(range(3, 9).contains(10)).isFalse();
    }
}
