package io.kamplatform.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.reporting.store.IncomingFact;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How the replay splits a poll between its writers: an account in one lane, its facts in poll order. */
class ReplayLanesTest {

    @Test
    void anAccountsFactsStayInOneLaneInPollOrderAndEveryLaneGetsAShare() {
        Random random = new Random(42);
        List<IncomingFact> poll = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            poll.add(fact("evt-" + i, "ACC-" + random.nextInt(400)));
        }
        for (int lanes : new int[] {1, 2, 3}) {
            List<List<IncomingFact>> shares = ReplayLanes.split(poll, lanes);
            assertThat(shares).hasSize(lanes);
            assertThat(shares.stream().mapToInt(List::size).sum()).isEqualTo(poll.size());
            Map<String, Integer> laneOfAccount = new HashMap<>();
            for (int lane = 0; lane < lanes; lane++) {
                assertThat(shares.get(lane)).as("lane %d of %d", lane, lanes).hasSizeGreaterThan(poll.size() / lanes / 2);
                for (IncomingFact fact : shares.get(lane)) {
                    assertThat(laneOfAccount.putIfAbsent(fact.accountId(), lane)).as(fact.accountId()).isIn(null, lane);
                }
                // within a lane, the poll's order: each account's facts as consumed
                List<IncomingFact> share = shares.get(lane);
                assertThat(share).isEqualTo(poll.stream().filter(share::contains).toList());
            }
        }
    }

    @Test
    void aFactWithoutAnAccountGoesToALaneAndNoLanesIsRefused() {
        assertThat(ReplayLanes.laneOf(null, 2)).isBetween(0, 1);
        assertThat(ReplayLanes.laneOf("ACC-1", 1)).isZero();
        assertThatThrownBy(() -> new ReplayLanes(0, null, null)).hasMessageContaining("rebuild-writers");
    }

    static IncomingFact fact(String eventId, String accountId) {
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return new IncomingFact(eventId, accountId, "AccountRegistered", "/test", "t", 0, 0, null, null, at, null, "{}");
    }
}
