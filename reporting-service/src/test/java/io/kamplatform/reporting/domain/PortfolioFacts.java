package io.kamplatform.reporting.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.RecordedFact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds one account's facts, for portfolio reports (facts carry the account id; JSON as the producers publish). */
public final class PortfolioFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Instant REGISTERED = Instant.parse("2020-01-01T00:00:00Z");

    private final String id;
    private final List<RecordedFact> facts = new ArrayList<>();

    private PortfolioFacts(String id, String parentId) {
        this.id = id;
        add("AccountRegistered", REGISTERED, "{'name':'Name " + id + "'"
                + (parentId == null ? "" : ",'parentAccountId':'" + parentId + "'") + "}");
    }

    public static PortfolioFacts account(String id) {
        return new PortfolioFacts(id, null);
    }

    public static PortfolioFacts account(String id, String parentId) {
        return new PortfolioFacts(id, parentId);
    }

    private static String money(String amount) {
        return "{'amount':'" + amount + "','currency':'EUR'}";
    }

    private PortfolioFacts add(String type, Instant at, String json) {
        try {
            facts.add(new RecordedFact(id + "-e" + IDS.incrementAndGet(), Facts.SOURCE, type, id, at,
                    JSON.readTree(json.replace('\'', '"'))));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
        return this;
    }

    public PortfolioFacts key() {
        return add("KeyAccountDesignated", REGISTERED.plusSeconds(1), "{'rationale':'r'}");
    }

    /** Revenue of a month, recorded on the 1st of the month after it. */
    public PortfolioFacts revenue(String month, String revenue, String cost) {
        Instant at = java.time.YearMonth.parse(month).plusMonths(1).atDay(1).atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC);
        return add("RevenueRecognized", at, "{'month':'" + month + "','revenue':" + money(revenue)
                + ",'costOfSales':" + money(cost) + "}");
    }

    /** Revenue of a month, recorded at {@code at} (e.g. on its last day, before a month-end asOf). */
    public PortfolioFacts revenue(String month, String revenue, String cost, Instant at) {
        return add("RevenueRecognized", at, "{'month':'" + month + "','revenue':" + money(revenue)
                + ",'costOfSales':" + money(cost) + "}");
    }

    public PortfolioFacts revenue(String month, String revenue) {
        return revenue(month, revenue, "0");
    }

    public PortfolioFacts potential(String amount) {
        return add("SalesPotentialAssessed", REGISTERED.plusSeconds(2), "{'annualPotential':" + money(amount)
                + ",'rationale':'r'}");
    }

    public PortfolioFacts contract(Instant at, String contractId, String startsOn, String endsOn, String annual,
            String list) {
        return add("ContractSigned", at, "{'contractId':'" + contractId + "','startsOn':'" + startsOn
                + "','endsOn':'" + endsOn + "','annualValue':" + money(annual) + ",'listValue':" + money(list)
                + ",'expectedMarginPct':18.5,'serviceLevel':'Premium','preferredSupplier':false}");
    }

    public PortfolioFacts renewed(Instant at, String contractId, String newEndsOn, String annual, String list) {
        return add("ContractRenewed", at, "{'contractId':'" + contractId + "','newEndsOn':'" + newEndsOn
                + "','annualValue':" + money(annual) + ",'listValue':" + money(list) + ",'expectedMarginPct':10}");
    }

    public PortfolioFacts amended(Instant at, String contractId, String annual, String list) {
        return add("ContractAmended", at, "{'contractId':'" + contractId + "','annualValue':" + money(annual)
                + ",'listValue':" + money(list) + ",'expectedMarginPct':10,'reason':'scope'}");
    }

    public PortfolioFacts concession(Instant at, String contractId, String concessionId, String amount) {
        return add("ConcessionGranted", at, "{'contractId':'" + contractId + "','concessionId':'" + concessionId
                + "','kind':'REBATE','value':" + money(amount) + ",'note':'n'}");
    }

    public PortfolioFacts request(Instant at) {
        return add("ServiceRequestOpened", at, "{'requestId':'SR-" + IDS.incrementAndGet()
                + "','severity':'MEDIUM','slaHours':24,'subject':'s'}");
    }

    public PortfolioFacts complaint(Instant at) {
        return add("ComplaintRaised", at, "{'complaintId':'CP-" + IDS.incrementAndGet()
                + "','severity':'LOW','subject':'s'}");
    }

    public PortfolioFacts interaction(Instant at, boolean twoWay) {
        return add("InteractionRecorded", at, "{'interactionId':'I-" + IDS.incrementAndGet() + "','kind':'EMAIL',"
                + "'contactIds':[],'supplierParticipants':[],'twoWay':" + twoWay + "}");
    }

    public AccountFacts at(Instant asOf) {
        return AccountFacts.fold(id, facts, asOf);
    }
}
