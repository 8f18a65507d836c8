package io.kamplatform.account.contract;

import io.kamplatform.account.domain.AccountDetailsChanged;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.domain.AccountRegistered;
import io.kamplatform.account.domain.AccountTeamMemberJoined;
import io.kamplatform.account.domain.AccountTeamMemberLeft;
import io.kamplatform.account.domain.KeyAccountDesignated;
import io.kamplatform.account.domain.KeyAccountDesignationRevoked;
import io.kamplatform.account.domain.KeyAccountManagerAssigned;
import io.kamplatform.account.domain.RevenueCorrected;
import io.kamplatform.account.domain.RevenueRecognized;
import io.kamplatform.account.domain.SalesPotentialAssessed;
import io.kamplatform.account.domain.TeamFunction;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.money.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** One representative instance per event type (the golden samples) plus variants with every optional field left out. */
final class AccountEventSamples {

    private AccountEventSamples() {
    }

    static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    /** The sample whose JSON is frozen in {@code src/test/resources/golden/<TypeName>.json}. */
    static AccountEvent golden(AccountEventType type) {
        // An exhaustive switch: a new event type does not compile until it has a sample (and so a golden file).
        return switch (type) {
            case ACCOUNT_REGISTERED -> new AccountRegistered("Acme Industrial GmbH", "Automotive", "DE", "ACME-GROUP");
            case ACCOUNT_DETAILS_CHANGED -> new AccountDetailsChanged("Acme Industrial AG", null, "AT");
            case SALES_POTENTIAL_ASSESSED -> new SalesPotentialAssessed(eur("2500000.00"),
                    "New plant in Graz doubles their demand for drive units");
            case REVENUE_RECOGNIZED -> new RevenueRecognized(YearMonth.of(2026, 1), eur("125000.50"), eur("87500.2500"),
                    "INV-2026-00042");
            case REVENUE_CORRECTED -> new RevenueCorrected(YearMonth.of(2025, 12), eur("-1500.00"), eur("0"),
                    "Credit note CN-17 for damaged delivery");
            case KEY_ACCOUNT_DESIGNATED -> new KeyAccountDesignated("Top-quartile potential and a complex buying centre");
            case KEY_ACCOUNT_DESIGNATION_REVOKED -> new KeyAccountDesignationRevoked("Plant closed; potential fell below the threshold");
            case KEY_ACCOUNT_MANAGER_ASSIGNED -> new KeyAccountManagerAssigned("kam-0042", "Giulia Rossi");
            case ACCOUNT_TEAM_MEMBER_JOINED -> new AccountTeamMemberJoined("u-1001", "Jonas Weber", TeamFunction.TECHNICAL);
            case ACCOUNT_TEAM_MEMBER_LEFT -> new AccountTeamMemberLeft("u-1001", "Moved to another region");
        };
    }

    /** Valid events with optional fields null, as the service writes them. */
    static List<AccountEvent> withOptionalFieldsLeftOut() {
        return List.of(
                new AccountRegistered("Solo SRL", "Retail", "IT", null),
                new AccountDetailsChanged(null, null, "FR"),
                new AccountDetailsChanged(null, "Logistics", null),
                new AccountDetailsChanged("Renamed", null, null),
                new RevenueRecognized(YearMonth.of(2026, 2), eur("0"), eur("0"), null),
                new AccountTeamMemberJoined("u-2", null, TeamFunction.OTHER),
                new AccountTeamMemberLeft("u-2", null));
    }
}
