package io.kamplatform.account.domain;

import static io.kamplatform.kit.decider.Rules.happened;
import static io.kamplatform.kit.decider.Rules.inCurrency;
import static io.kamplatform.kit.decider.Rules.none;
import static io.kamplatform.kit.decider.Rules.reject;
import static io.kamplatform.kit.decider.Rules.rejectField;

import io.kamplatform.kit.decider.Decider;
import io.kamplatform.kit.decider.Decision;
import io.kamplatform.kit.decider.Rejection;
import io.kamplatform.kit.money.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Decides whether a fact may be recorded on an account, given the account's current state.
 * Pure: no I/O, no clock of its own; everything it needs comes in as arguments, so the rules are
 * tested with given-events / when-command / then-events and nothing else.
 */
public final class AccountDecider implements Decider<Account, RecordAccountEvent, AccountEvent> {

    /** Revenue months before this are typos (or negative years), not history. */
    static final int EARLIEST_YEAR = 1900;

    private final String platformCurrency;

    public AccountDecider(String platformCurrency) {
        this.platformCurrency = platformCurrency;
    }

    @Override
    public Decision<AccountEvent> decide(Account state, RecordAccountEvent command, Instant now) {
        return Decision.acceptUnless(happened(command.occurredAt(), now).or(() -> firstRejection(state, command)),
                command.event());
    }

    private Optional<Rejection> firstRejection(Account state, RecordAccountEvent command) {
        AccountEvent event = command.event();
        if (!state.registered() && !(event instanceof AccountRegistered)) {
            return reject("ACCOUNT_NOT_REGISTERED", "account '" + state.accountId() + "' is not registered; register it first");
        }
        return switch (event) {
            case AccountRegistered e -> registration(state, e, command.parentRegistered());
            case AccountDetailsChanged e -> e.changesNothing()
                    ? reject("NOTHING_CHANGED", "name, sector or country must be given") : none();
            case SalesPotentialAssessed e -> amount("annualPotential", e.annualPotential());
            case RevenueRecognized e -> amount("revenue", e.revenue())
                    .or(() -> amount("costOfSales", e.costOfSales()))
                    .or(() -> notAfter(e.month(), command.occurredAt()));
            case RevenueCorrected e -> correction(state, e, command.occurredAt());
            case KeyAccountDesignated e -> state.keyAccount()
                    ? reject("ALREADY_KEY_ACCOUNT", "the account is already a key account") : none();
            case KeyAccountDesignationRevoked e -> state.keyAccount()
                    ? none() : reject("NOT_A_KEY_ACCOUNT", "only a key account's designation can be revoked");
            case KeyAccountManagerAssigned e -> managerAssignment(state, e);
            case AccountTeamMemberJoined e -> state.team().containsKey(e.memberId())
                    ? rejectField("memberId", "ALREADY_TEAM_MEMBER", "'" + e.memberId() + "' is already on the account team")
                    : none();
            case AccountTeamMemberLeft e -> state.team().containsKey(e.memberId())
                    ? none()
                    : rejectField("memberId", "NOT_A_TEAM_MEMBER", "'" + e.memberId() + "' is not on the account team");
        };
    }

    private Optional<Rejection> registration(Account state, AccountRegistered e, boolean parentRegistered) {
        if (state.registered()) {
            return reject("ACCOUNT_ALREADY_REGISTERED", "account '" + state.accountId() + "' is already registered");
        }
        if (e.parentAccountId() == null) {
            return none();
        }
        if (e.parentAccountId().equals(state.accountId())) {
            return rejectField("parentAccountId", "PARENT_IS_SELF", "an account cannot be its own parent");
        }
        return parentRegistered ? none() : rejectField("parentAccountId", "PARENT_NOT_REGISTERED",
                "parent account '" + e.parentAccountId() + "' is not registered; register the parent first");
    }

    private Optional<Rejection> managerAssignment(Account state, KeyAccountManagerAssigned e) {
        if (!state.keyAccount()) {
            return reject("NOT_A_KEY_ACCOUNT", "a key account manager is assigned to key accounts only; designate the account first");
        }
        if (state.keyAccountManager() != null && state.keyAccountManager().managerId().equals(e.managerId())) {
            return rejectField("managerId", "MANAGER_ALREADY_ASSIGNED", "'" + e.managerId() + "' already manages this account");
        }
        return none();
    }

    private Optional<Rejection> correction(Account state, RevenueCorrected e, Instant occurredAt) {
        Optional<Rejection> currency = inCurrency("revenueDelta", e.revenueDelta(), platformCurrency)
                .or(() -> inCurrency("costOfSalesDelta", e.costOfSalesDelta(), platformCurrency))
                .or(() -> notAfter(e.month(), occurredAt));
        if (currency.isPresent()) {
            return currency;
        }
        MonthlyRevenue now = state.revenueIn(e.month(), platformCurrency);
        MonthlyRevenue corrected = now.add(e.revenueDelta(), e.costOfSalesDelta());
        if (corrected.revenue().isNegative() || corrected.costOfSales().isNegative()) {
            return reject("CORRECTION_BELOW_ZERO", "the correction would leave " + e.month() + " with revenue of "
                    + corrected.revenue().formatted() + " and cost of sales of " + corrected.costOfSales().formatted()
                    + " (now " + now.revenue().formatted() + " and " + now.costOfSales().formatted()
                    + "); a month's totals cannot fall below zero");
        }
        return none();
    }

    private Optional<Rejection> amount(String field, Money money) {
        return inCurrency(field, money, platformCurrency).or(() -> money.isNegative()
                ? rejectField(field + ".amount", "NEGATIVE_AMOUNT", "must not be negative; record a correction instead")
                : none());
    }

    private static Optional<Rejection> notAfter(YearMonth month, Instant occurredAt) {
        if (month.getYear() < EARLIEST_YEAR) {
            return rejectField("month", "MONTH_OUT_OF_RANGE", "must not be before " + EARLIEST_YEAR);
        }
        return month.isAfter(YearMonth.from(occurredAt.atZone(ZoneOffset.UTC)))
                ? rejectField("month", "MONTH_IN_FUTURE", "revenue cannot be recognised for a month after occurredAt")
                : none();
    }
}
