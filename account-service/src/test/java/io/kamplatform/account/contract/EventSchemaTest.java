package io.kamplatform.account.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.account.domain.RevenueCorrected;
import io.kamplatform.account.domain.RevenueRecognized;
import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.money.Money;
import io.kamplatform.kit.testing.contract.EventSchemaContract;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schemas accept what the service writes and refuse what it never writes: the kit's
 * {@link EventSchemaContract} for every type, plus the account events' own cases.
 */
class EventSchemaTest extends EventSchemaContract<Object, AccountEventType> {

    EventSchemaTest() {
        super(AccountEvents.PUBLISHED);
    }

    @Override
    protected List<Object> withOptionalFieldsLeftOut() {
        return AccountEventSamples.withOptionalFieldsLeftOut();
    }

    @Override
    protected int schemasInliningMoney() {
        return 4;
    }

    @Test
    void optionalFieldsMayAlsoBeAbsent() {
        assertThat(AccountEvents.PUBLISHED.validate("AccountRegistered",
                "{\"name\":\"Solo SRL\",\"sector\":\"Retail\",\"country\":\"IT\"}")).isEmpty();
        assertThat(AccountEvents.PUBLISHED.validate("AccountDetailsChanged", "{\"country\":\"FR\"}")).isEmpty();
        assertThat(AccountEvents.PUBLISHED.validate("AccountTeamMemberLeft", "{\"memberId\":\"u-2\"}")).isEmpty();
    }

    /** Every amount Money can hold within its Bean Validation limits, written as Java's BigDecimal.toString(). */
    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "1250.50", "87500.2500", "123456789012345.1234", "-123456789012345.1234",
            "1.00000", "1E+3", "1.5E+14", "0E-10", "-80"})
    void everyAmountTheServiceCanWriteConforms(String amount) {
        Money delta = new Money(new BigDecimal(amount), "EUR");
        String json = AccountEvents.PUBLISHED.encode(new RevenueCorrected(YearMonth.of(2026, 1), delta, delta, "correction"));
        assertThat(AccountEvents.PUBLISHED.validate("RevenueCorrected", json)).as(json).isEmpty();
        if (!amount.startsWith("-")) {
            json = AccountEvents.PUBLISHED.encode(new RevenueRecognized(YearMonth.of(2026, 1), delta, delta, null));
            assertThat(AccountEvents.PUBLISHED.validate("RevenueRecognized", json)).as(json).isEmpty();
        }
    }

    @Override
    protected Stream<Arguments> invalidSamples() {
        return Stream.of(
                invalid("AccountRegistered", "missing required name", d -> d.remove("name")),
                invalid("AccountRegistered", "null required sector", d -> d.putNull("sector")),
                invalid("AccountRegistered", "blank name", d -> d.put("name", "   ")),
                invalid("AccountRegistered", "name longer than 200", d -> d.put("name", "x".repeat(201))),
                invalid("AccountRegistered", "lower-case country", d -> d.put("country", "de")),
                invalid("AccountRegistered", "alpha-3 country", d -> d.put("country", "DEU")),
                invalid("AccountRegistered", "parent id with a space", d -> d.put("parentAccountId", "ACME GROUP")),
                invalid("AccountRegistered", "parent id longer than 64", d -> d.put("parentAccountId", "P" + "1".repeat(64))),
                invalid("AccountRegistered", "unknown field", d -> d.put("vatId", "DE123")),
                invalid("AccountRegistered", "number instead of string", d -> d.put("sector", 42)),
                invalid("AccountDetailsChanged", "nothing changed (all null)", d -> d.putNull("name").putNull("sector").putNull("country")),
                invalid("AccountDetailsChanged", "nothing changed (empty)", ObjectNode::removeAll),
                invalid("AccountDetailsChanged", "empty name", d -> d.put("name", "")),
                invalid("SalesPotentialAssessed", "amount as a JSON number", d -> money(d, "annualPotential").put("amount", 2500000.0)),
                invalid("SalesPotentialAssessed", "negative potential", d -> money(d, "annualPotential").put("amount", "-1")),
                invalid("SalesPotentialAssessed", "lower-case currency", d -> money(d, "annualPotential").put("currency", "eur")),
                invalid("SalesPotentialAssessed", "currency symbol", d -> money(d, "annualPotential").put("currency", "€")),
                invalid("SalesPotentialAssessed", "money without currency", d -> money(d, "annualPotential").remove("currency")),
                invalid("SalesPotentialAssessed", "unknown money field", d -> money(d, "annualPotential").put("negative", false)),
                invalid("SalesPotentialAssessed", "missing rationale", d -> d.remove("rationale")),
                invalid("RevenueRecognized", "month 13", d -> d.put("month", "2026-13")),
                invalid("RevenueRecognized", "month without leading zero", d -> d.put("month", "2026-1")),
                invalid("RevenueRecognized", "a date instead of a month", d -> d.put("month", "2026-01-31")),
                invalid("RevenueRecognized", "month as [year, month] array", d -> d.putArray("month").add(2026).add(1)),
                invalid("RevenueRecognized", "amount not a decimal", d -> money(d, "revenue").put("amount", "12.5.3")),
                invalid("RevenueRecognized", "amount with a thousands separator", d -> money(d, "revenue").put("amount", "1,250.50")),
                invalid("RevenueRecognized", "more than 15 integer digits", d -> money(d, "revenue").put("amount", "1234567890123456")),
                invalid("RevenueRecognized", "more than 4 fraction digits", d -> money(d, "revenue").put("amount", "1.23456")),
                invalid("RevenueRecognized", "negative revenue", d -> money(d, "revenue").put("amount", "-5")),
                invalid("RevenueRecognized", "reference longer than 200", d -> d.put("reference", "r".repeat(201))),
                invalid("RevenueCorrected", "missing cost of sales delta", d -> d.remove("costOfSalesDelta")),
                invalid("RevenueCorrected", "blank reason", d -> d.put("reason", "")),
                invalid("KeyAccountDesignated", "rationale longer than 2000", d -> d.put("rationale", "r".repeat(2001))),
                invalid("KeyAccountDesignationRevoked", "missing reason", d -> d.remove("reason")),
                invalid("KeyAccountManagerAssigned", "manager id starting with a separator", d -> d.put("managerId", "-kam")),
                invalid("KeyAccountManagerAssigned", "missing name", d -> d.remove("name")),
                invalid("AccountTeamMemberJoined", "unknown function", d -> d.put("function", "JANITOR")),
                invalid("AccountTeamMemberJoined", "lower-case function", d -> d.put("function", "sales")),
                invalid("AccountTeamMemberJoined", "missing function", d -> d.remove("function")),
                invalid("AccountTeamMemberLeft", "missing member id", d -> d.remove("memberId")),
                invalid("AccountTeamMemberLeft", "an empty object", ObjectNode::removeAll),
                invalid("AccountPlanPublished", "missing period end", d -> d.remove("periodEnd")),
                invalid("AccountPlanPublished", "period start not a date", d -> d.put("periodStart", "2026-13-01")),
                invalid("AccountPlanPublished", "negative revenue target", d -> money(d, "revenueTarget").put("amount", "-1")),
                invalid("AccountPlanPublished", "share of wallet over 100", d -> d.put("shareOfWalletTargetPct", 100.5)),
                invalid("AccountPlanPublished", "share of wallet as a string", d -> d.put("shareOfWalletTargetPct", "35")),
                invalid("AccountPlanPublished", "blank mission", d -> d.put("missionStatement", " ")),
                invalid("ObjectiveSet", "target value as a string", d -> d.put("targetValue", "35")),
                invalid("ObjectiveSet", "missing owner", d -> d.remove("ownerId")),
                invalid("ObjectiveSet", "unit longer than 32", d -> d.put("unit", "u".repeat(33))),
                invalid("ObjectiveProgressReported", "missing value", d -> d.remove("value")),
                invalid("ObjectiveMissed", "missing reason", d -> d.remove("reason")),
                invalid("ObjectiveDropped", "null reason", d -> d.putNull("reason")),
                invalid("ActionPlanned", "unknown owner function", d -> d.put("ownerFunction", "JANITOR")),
                invalid("ActionPlanned", "missing objective", d -> d.remove("objectiveId")),
                invalid("ActionCompleted", "action id with a space", d -> d.put("actionId", "A 1")),
                invalid("PlanReviewed", "unknown outcome", d -> d.put("outcome", "GREAT")),
                invalid("PlanReviewed", "missing reviewer", d -> d.remove("reviewerId")));
    }
}
