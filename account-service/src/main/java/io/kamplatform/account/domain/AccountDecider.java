package io.kamplatform.account.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Decides whether a fact may be recorded on an account, given the account's current state.
 * Pure: no I/O, no clock of its own; everything it needs comes in as arguments, so the rules are
 * tested with given-events / when-command / then-events and nothing else.
 */
public final class AccountDecider {

    /** Clocks of CRM systems drift; facts a little in the future are accepted, later ones are not. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Revenue months before this are typos (or negative years), not history. */
    static final int EARLIEST_YEAR = 1900;

    private final String platformCurrency;

    public AccountDecider(String platformCurrency) {
        this.platformCurrency = platformCurrency;
    }

    public Decision decide(Account state, RecordAccountEvent command, Instant now) {
        return firstRejection(state, command, now)
                .map(Decision::reject)
                .orElseGet(() -> Decision.accept(command.event()));
    }

    private Optional<Rejection> firstRejection(Account state, RecordAccountEvent command, Instant now) {
        if (command.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            return reject("OCCURRED_IN_FUTURE", "occurredAt lies in the future; only facts that happened can be recorded");
        }
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
        Optional<Rejection> currency = currency("revenueDelta", e.revenueDelta())
                .or(() -> currency("costOfSalesDelta", e.costOfSalesDelta()))
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
        return currency(field, money).or(() -> money.isNegative()
                ? rejectField(field + ".amount", "NEGATIVE_AMOUNT", "must not be negative; record a correction instead")
                : none());
    }

    private Optional<Rejection> currency(String field, Money money) {
        return money.currency().equals(platformCurrency) ? none() : rejectField(field + ".currency",
                "CURRENCY_NOT_SUPPORTED", "must be the platform currency " + platformCurrency);
    }

    private static Optional<Rejection> notAfter(YearMonth month, Instant occurredAt) {
        if (month.getYear() < EARLIEST_YEAR) {
            return rejectField("month", "MONTH_OUT_OF_RANGE", "must not be before " + EARLIEST_YEAR);
        }
        return month.isAfter(YearMonth.from(occurredAt.atZone(ZoneOffset.UTC)))
                ? rejectField("month", "MONTH_IN_FUTURE", "revenue cannot be recognised for a month after occurredAt")
                : none();
    }

    private static Optional<Rejection> none() {
        return Optional.empty();
    }

    private static Optional<Rejection> reject(String code, String message) {
        return Optional.of(Rejection.of(code, message));
    }

    private static Optional<Rejection> rejectField(String field, String code, String message) {
        return Optional.of(Rejection.onField(field, code, message));
    }
}
