package io.kamplatform.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kamplatform.kit.money.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** {@link Account#replay} books revenue in one map; it must equal evolving the same history event by event. */
class AccountReplayTest {

    @RepeatedTest(200)
    void replayEqualsEvolvingEventByEvent(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        List<AccountEvent> history = history(random, random.nextInt(0, 150));

        Account evolved = Account.initial("ACME");
        for (AccountEvent event : history) {
            evolved = evolved.evolve(event);
        }

        assertThat(Account.replay("ACME", history)).isEqualTo(evolved);
    }

    @Test
    void revenueIsBookedPerMonthAcrossOtherEvents() {
        Account account = Account.replay("ACME", List.of(
                new AccountRegistered("Acme", "Manufacturing", "DE", null),
                new RevenueRecognized(YearMonth.of(2026, 1), eur("100.00"), eur("60.00"), null),
                new KeyAccountDesignated("big"),
                new RevenueRecognized(YearMonth.of(2026, 1), eur("50.00"), eur("20.00"), null),
                new RevenueCorrected(YearMonth.of(2025, 12), eur("-10.00"), eur("0"), "credit note")));

        assertThat(account.version()).isEqualTo(5);
        assertThat(account.keyAccount()).isTrue();
        assertThat(account.revenueIn(YearMonth.of(2026, 1), "EUR")).isEqualTo(new MonthlyRevenue(eur("150.00"), eur("80.00")));
        assertThat(account.revenueIn(YearMonth.of(2025, 12), "EUR")).isEqualTo(new MonthlyRevenue(eur("-10.00"), eur("0")));
        assertThat(account.revenueByMonth().keySet()).containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1));
    }

    private static List<AccountEvent> history(SplittableRandom random, int size) {
        List<AccountEvent> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            YearMonth month = YearMonth.of(2021, 1).plusMonths(random.nextInt(0, 60));
            events.add(switch (random.nextInt(0, 10)) {
                case 0 -> new AccountRegistered("Acme " + i, "Manufacturing", "DE", null);
                case 1 -> new AccountDetailsChanged(random.nextBoolean() ? "Acme AG " + i : null, null, "AT");
                case 2 -> new SalesPotentialAssessed(eur(random.nextInt(1, 9_000_000) + ".00"), "assessed");
                case 3 -> new KeyAccountDesignated("designated");
                case 4 -> new KeyAccountDesignationRevoked("revoked");
                case 5 -> new KeyAccountManagerAssigned("kam-" + random.nextInt(0, 3), "Giulia Rossi");
                case 6 -> new AccountTeamMemberJoined("u-" + random.nextInt(0, 4), "Jonas", TeamFunction.TECHNICAL);
                case 7 -> new AccountTeamMemberLeft("u-" + random.nextInt(0, 4), "moved");
                case 8 -> new RevenueCorrected(month, eur(random.nextInt(-5_000, 5_000) + ".25"), eur(random.nextInt(-500, 500) + ".5"), "correction");
                default -> new RevenueRecognized(month, eur(random.nextInt(0, 100_000) + ".50"), eur(random.nextInt(0, 60_000) + ".75"), null);
            });
        }
        return events;
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
