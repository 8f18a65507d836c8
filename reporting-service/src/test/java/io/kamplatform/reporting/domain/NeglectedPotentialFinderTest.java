package io.kamplatform.reporting.domain;

import io.kamplatform.reporting.domain.potential.NeglectedAccount;
import io.kamplatform.reporting.domain.potential.NeglectedPotential;
import io.kamplatform.reporting.domain.potential.NeglectedPotentialFinder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static io.kamplatform.reporting.domain.Facts.daysAgo;
import static io.kamplatform.reporting.domain.PortfolioFacts.account;
import static org.assertj.core.api.Assertions.assertThat;

/** asOf 2026-03-15: window 2025-03..2026-02; "quiet" = no interaction since 2025-12-15T12:00Z. */
class NeglectedPotentialFinderTest {

    static NeglectedPotential find(PortfolioFacts... accounts) {
        return NeglectedPotentialFinder.find(Arrays.stream(accounts).map(a -> a.at(AS_OF)).toList(), AS_OF);
    }

    /** Potentials 100..800 (n = 8): nearest rank ceil(0.75 × 8) = 6 → threshold 600; 600, 700, 800 qualify. */
    static NeglectedPotential portfolio() {
        return find(account("P1").potential("100"), account("P2").potential("200"), account("P3").potential("300"),
                account("P4").potential("400"), account("P5").potential("500"),
                // 600: 149.99 / 600 = 24.9983% < 25%, last interaction 91 days ago (one-way) → listed
                account("Q6").potential("600").revenue("2026-01", "149.99").interaction(daysAgo(91), false),
                // 700: exactly 25% → not below 25%
                account("Q7").potential("700").revenue("2026-01", "175"),
                // 800: key account → never listed
                account("Q8").key().potential("800"),
                account("NONE"), account("ZERO").potential("0"));
    }

    @Nested
    class Rules {

        @Test
        void topQuartileLowPenetrationAndQuiet() {
            NeglectedPotential r = portfolio();
            assertThat(r.accountsWithPotential()).isEqualTo(8);
            assertThat(r.threshold()).isEqualByComparingTo("600");
            assertThat(r.accounts()).extracting(NeglectedAccount::accountId).containsExactly("Q6");
            NeglectedAccount q6 = r.accounts().get(0);
            assertThat(q6.revenue()).isEqualByComparingTo("149.99");
            assertThat(q6.penetrationPct()).isEqualTo(new BigDecimal("25.00")); // 24.9983 shown to 2 decimals
            assertThat(q6.lastInteractionAt()).isEqualTo(daysAgo(91));
        }

        @Test
        void anyInteractionInNinetyDaysTakesItOffTheList() {
            // a one-way email 89 days ago counts: "no interaction of any kind"
            NeglectedPotential r = find(account("A").potential("1000").interaction(daysAgo(89), false),
                    account("B").potential("1000"));
            assertThat(r.threshold()).isEqualByComparingTo("1000");
            assertThat(r.accounts()).extracting(NeglectedAccount::accountId).containsExactly("B");
            assertThat(r.accounts().get(0).lastInteractionAt()).isNull();
            assertThat(r.accounts().get(0).penetrationPct()).isEqualTo(new BigDecimal("0.00"));
        }

        @Test
        void tiesAtTheThresholdAreIn() {
            // 100, 500, 500, 500: rank ceil(3) = 3 → 500; the three 500s qualify, listed by id
            NeglectedPotential r = find(account("A").potential("100"), account("C").potential("500"),
                    account("B").potential("500"), account("D").potential("500"));
            assertThat(r.threshold()).isEqualByComparingTo("500");
            assertThat(r.accounts()).extracting(NeglectedAccount::accountId).containsExactly("B", "C", "D");
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void noPotentialOrAsOfBeforeAnyData() {
            Instant early = Instant.parse("2019-01-01T00:00:00Z");
            NeglectedPotential r = NeglectedPotentialFinder.find(List.of(account("A").potential("100").at(early)),
                    early);
            assertThat(r.threshold()).isNull();
            assertThat(r.accounts()).isEmpty();
            assertThat(NeglectedPotentialFinder.find(List.of(), AS_OF).accountsWithPotential()).isZero();
        }

        @Test
        void singleAccountIsItsOwnTopQuartile() {
            NeglectedPotential r = find(account("A").potential("100").revenue("2025-03", "24.99"));
            assertThat(r.threshold()).isEqualByComparingTo("100");
            assertThat(r.accounts().get(0).penetrationPct()).isEqualTo(new BigDecimal("24.99"));
        }
    }
}
