package io.kamplatform.reporting.domain;

import static io.kamplatform.reporting.domain.Facts.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.reporting.domain.facts.Money;
import io.kamplatform.reporting.domain.status.KeyStatusCriteria;
import io.kamplatform.reporting.domain.status.KeyStatusInput;
import io.kamplatform.reporting.domain.status.KeyStatusReview;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ten accounts A1..A10 with T12 revenue 100 × i EUR; potentials A2 5000, A3 4000, A4 3000, A5 2000; A3 in Pharma;
 * A1 and A9 key accounts; B in USD. Criteria: revenue top 10% (rank ceil(0.1 × 10) = 1 → 1000), potential top 10%
 * (rank ceil(0.1 × 4) = 1 → 5000), strategic sector Pharma with potential in the top 50% (rank 2 → 4000).
 */
class KeyStatusReviewTest {

    static final KeyStatusCriteria CRITERIA = new KeyStatusCriteria(10, 10, Set.of("Pharma"), 50);

    static KeyStatusInput account(int i, boolean key, String potential, String sector) {
        return new KeyStatusInput("A" + i, "Account " + i, key, sector, "EUR", BigDecimal.valueOf(100L * i),
                potential == null ? null : new Money(new BigDecimal(potential), "EUR"), List.of("e-" + i));
    }

    static KeyStatusReview review() {
        List<KeyStatusInput> all = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String potential = switch (i) {
                case 2 -> "5000";
                case 3 -> "4000";
                case 4 -> "3000";
                case 5 -> "2000";
                default -> null;
            };
            all.add(account(i, i == 1 || i == 9, potential, i == 3 ? "Pharma" : "Retail"));
        }
        all.add(new KeyStatusInput("B", "Dollar Corp", false, "Retail", "USD", new BigDecimal("50000"), null, List.of()));
        return KeyStatusReview.review(all, CRITERIA, AS_OF);
    }

    @Test
    void thresholdsByNearestRankInTheMostCommonCurrency() {
        KeyStatusReview r = review();
        assertThat(r.revenueCurrency()).isEqualTo("EUR");
        assertThat(r.revenueThreshold()).isEqualByComparingTo("1000");
        assertThat(r.potentialThreshold()).isEqualByComparingTo("5000");
        assertThat(r.strategicPotentialThreshold()).isEqualByComparingTo("4000");
        assertThat(r.notes()).containsExactly("Revenue of B is in USD, not EUR: not ranked");
    }

    @Test
    void accountsThatQualifyButAreNotKeyWithTheirReasons() {
        KeyStatusReview r = review();
        assertThat(r.qualifyButNotKey()).extracting(KeyStatusReview.Candidate::accountId)
                .containsExactly("A10", "A3", "A2"); // one criterion each: by revenue, highest first
        KeyStatusReview.Candidate a10 = r.qualifyButNotKey().get(0);
        assertThat(a10.reasons()).containsExactly("T12 revenue 1000 EUR (rank 1 of 10) in the top 10% (≥ 1000 EUR)");
        assertThat(a10.eventIds()).containsExactly("e-10");
        assertThat(r.qualifyButNotKey().get(1).reasons()).containsExactly(
                "Strategic sector Pharma with potential 4000 EUR in the top 50% (≥ 4000 EUR)");
        assertThat(r.qualifyButNotKey().get(2).reasons()).containsExactly(
                "Annual potential 5000 EUR (rank 1 of 4) in the top 10% (≥ 5000 EUR)");
    }

    @Test
    void keyAccountsThatNoLongerQualifyWeakestFirst() {
        KeyStatusReview r = review();
        assertThat(r.keyButNoLongerQualify()).extracting(KeyStatusReview.Candidate::accountId).containsExactly("A1", "A9");
        assertThat(r.keyButNoLongerQualify().get(0).reasons()).containsExactly(
                "T12 revenue 100 EUR (rank 10 of 10) below the top 10% (1000 EUR)", "Annual potential: none recorded");
    }

    @Test
    void noDataNoVerdictAndPercentagesChecked() {
        KeyStatusReview empty = KeyStatusReview.review(List.of(), CRITERIA, AS_OF);
        assertThat(empty.qualifyButNotKey()).isEmpty();
        assertThat(empty.revenueThreshold()).isNull();
        assertThatThrownBy(() -> new KeyStatusCriteria(0, 10, Set.of(), 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyStatusCriteria(10, 101, Set.of(), 25)).isInstanceOf(IllegalArgumentException.class);
    }
}
