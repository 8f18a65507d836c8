package io.kamplatform.account.contract;

import io.kamplatform.account.domain.AccountDetailsChanged;
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
import io.kamplatform.account.domain.plan.AccountPlanPublished;
import io.kamplatform.account.domain.plan.ActionCompleted;
import io.kamplatform.account.domain.plan.ActionPlanned;
import io.kamplatform.account.domain.plan.ObjectiveAchieved;
import io.kamplatform.account.domain.plan.ObjectiveDropped;
import io.kamplatform.account.domain.plan.ObjectiveMissed;
import io.kamplatform.account.domain.plan.ObjectiveProgressReported;
import io.kamplatform.account.domain.plan.ObjectiveSet;
import io.kamplatform.account.domain.plan.PlanReviewed;
import io.kamplatform.account.domain.plan.ReviewOutcome;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
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
    static Object golden(AccountEventType type) {
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
            case ACCOUNT_PLAN_PUBLISHED -> new AccountPlanPublished("PLAN-2026", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), "Become Acme's preferred supplier of drive units for the Graz plant",
                    eur("3000000.00"), new BigDecimal("35.5"), "exec-007", "Martina Keller");
            case OBJECTIVE_SET -> new ObjectiveSet("PLAN-2026", "OBJ-1", "Share of wallet in drive units", "%",
                    new BigDecimal("35"), new BigDecimal("22.5"), LocalDate.of(2026, 12, 31), "kam-0042", "Giulia Rossi");
            case OBJECTIVE_PROGRESS_REPORTED -> new ObjectiveProgressReported("PLAN-2026", "OBJ-1", new BigDecimal("27.25"),
                    "Graz line 2 switched to our units");
            case OBJECTIVE_ACHIEVED -> new ObjectiveAchieved("PLAN-2026", "OBJ-1", new BigDecimal("36"), "Ahead of plan");
            case OBJECTIVE_MISSED -> new ObjectiveMissed("PLAN-2026", "OBJ-2", new BigDecimal("2"),
                    "Only two of five executive workshops took place");
            case OBJECTIVE_DROPPED -> new ObjectiveDropped("PLAN-2026", "OBJ-3", "The customer cancelled the joint project");
            case ACTION_PLANNED -> new ActionPlanned("PLAN-2026", "ACT-1", "OBJ-1",
                    "Run a joint value-engineering workshop with Acme's plant engineers", TeamFunction.TECHNICAL,
                    "u-1001", LocalDate.of(2026, 3, 31));
            case ACTION_COMPLETED -> new ActionCompleted("PLAN-2026", "ACT-1", "Workshop held on 2026-03-18");
            case PLAN_REVIEWED -> new PlanReviewed("PLAN-2026", "exec-007", "Martina Keller", ReviewOutcome.ON_TRACK,
                    "Quarterly business review: share of wallet ahead of the linear path");
        };
    }

    /** Valid events with optional fields null, as the service writes them. */
    static List<Object> withOptionalFieldsLeftOut() {
        return List.of(
                new AccountRegistered("Solo SRL", "Retail", "IT", null),
                new AccountDetailsChanged(null, null, "FR"),
                new AccountDetailsChanged(null, "Logistics", null),
                new AccountDetailsChanged("Renamed", null, null),
                new RevenueRecognized(YearMonth.of(2026, 2), eur("0"), eur("0"), null),
                new AccountTeamMemberJoined("u-2", null, TeamFunction.OTHER),
                new AccountTeamMemberLeft("u-2", null),
                new ObjectiveSet("P", "O", "Workshops held", null, new BigDecimal("5"), null, LocalDate.of(2026, 6, 30), "kam-1", null),
                new ObjectiveProgressReported("P", "O", new BigDecimal("1"), null),
                new ObjectiveAchieved("P", "O", null, null),
                new ObjectiveMissed("P", "O", null, "no budget"),
                new ActionPlanned("P", "A", "O", "Call the buyer", TeamFunction.SALES, null, LocalDate.of(2026, 6, 30)),
                new ActionCompleted("P", "A", null),
                new PlanReviewed("P", "kam-1", null, ReviewOutcome.AT_RISK, null));
    }
}
