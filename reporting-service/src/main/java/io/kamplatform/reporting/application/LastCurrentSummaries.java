package io.kamplatform.reporting.application;

import io.kamplatform.reporting.store.SummaryStore.CurrentState;
import java.util.List;

/**
 * What the last portfolio report for now took from storage, by position in the account states it was given: the next
 * report takes a summary again without a look-up when it is given the very same state object at the same position.
 * <p>
 * Why: {@link CurrentStatesMirror} hands out the same state object for as long as an account's (version, summary
 * version, summary as_of) stays the same, and a stored current summary is identified by exactly those
 * ({@link CurrentSummaryCache}). A report used to look up all 10,000 accounts in the cache's map, and those look-ups were
 * 16–30% of reporting-service's CPU with portfolio readers (JFR); comparing two references is no map look-up per
 * account. Only summaries stored at the state's own (version, as_of) are remembered: never one a report
 * computed itself, never one read from a row written after the state was read.
 */
final class LastCurrentSummaries {

    /** The states a report was given and, at the same positions, the stored summaries it took for them (or null). */
    record Taken(List<CurrentState> states, AccountSummary[] summaries) {

        static final Taken NONE = new Taken(List.of(), new AccountSummary[0]);

        /** The summary taken for {@code state} at {@code position}, if the last report was given that very object there. */
        AccountSummary of(int position, CurrentState state) {
            return position < summaries.length && states.get(position) == state ? summaries[position] : null;
        }
    }

    private volatile Taken last = Taken.NONE;

    Taken last() {
        return last;
    }

    /** Remembers a report's states and what it took from storage for them; a concurrent report's may win instead. */
    void remember(List<CurrentState> states, AccountSummary[] stored) {
        last = new Taken(states, stored);
    }
}
