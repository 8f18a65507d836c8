package io.kamplatform.reporting.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.reporting.domain.facts.RecordedFact;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Builds facts as the producers publish them (JSON shaped like their golden files). */
public final class Facts {

    public static final String ACCOUNT = "ACME";
    public static final String SOURCE = "/kam-platform/account-service";
    /** The asOf of most tests: mid-March 2026, so the last complete month is 2026-02. */
    public static final Instant AS_OF = Instant.parse("2026-03-15T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private Facts() {
    }

    public static Instant daysAgo(long days) {
        return AS_OF.minus(Duration.ofDays(days));
    }

    public static Instant hoursAgo(long hours) {
        return AS_OF.minus(Duration.ofHours(hours));
    }

    public static RecordedFact fact(String type, Instant at, String json) {
        return fact("e" + IDS.incrementAndGet(), type, at, json);
    }

    public static RecordedFact fact(String eventId, String type, Instant at, String json) {
        try {
            return new RecordedFact(eventId, SOURCE, type, ACCOUNT, at, JSON.readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static String money(String amount) {
        return "{'amount':'" + amount + "','currency':'EUR'}";
    }

    static String array(String... values) {
        return Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(",", "[", "]"));
    }

    public static RecordedFact contact(Instant at, String contactId, String level, String... roles) {
        return fact("ContactAdded", at, "{'contactId':'" + contactId + "','name':'Name " + contactId
                + "','buyingRoles':" + array(roles) + ",'level':'" + level + "','function':'Procurement'}");
    }

    public static RecordedFact contactLeft(Instant at, String contactId) {
        return fact("ContactLeft", at, "{'contactId':'" + contactId + "','reason':'Retired'}");
    }

    /** A two-way interaction with the given contacts and supplier functions. */
    public static RecordedFact met(Instant at, List<String> contactIds, String... functions) {
        return interaction(at, true, contactIds, functions);
    }

    public static RecordedFact interaction(Instant at, boolean twoWay, List<String> contactIds, String... functions) {
        String participants = Arrays.stream(functions.length == 0 ? new String[] {"SALES"} : functions)
                .map(f -> "{'participantId':'p-" + f + "','name':null,'function':'" + f + "'}")
                .collect(Collectors.joining(",", "[", "]"));
        return fact("InteractionRecorded", at, "{'interactionId':'int-" + IDS.incrementAndGet() + "','kind':'VISIT',"
                + "'contactIds':" + array(contactIds.toArray(String[]::new)) + ",'supplierParticipants':"
                + participants + ",'twoWay':" + twoWay + ",'sentiment':'POSITIVE','summary':'x'}");
    }

    public static RecordedFact revenue(String month, String amount) {
        return fact("RevenueRecognized", daysAgo(1), "{'month':'" + month + "','revenue':" + money(amount)
                + ",'costOfSales':" + money("0") + ",'reference':'INV'}");
    }

    public static RecordedFact potential(Instant at, String amount) {
        return fact("SalesPotentialAssessed", at, "{'annualPotential':" + money(amount) + ",'rationale':'r'}");
    }

    public static RecordedFact contract(Instant at, String contractId, String startsOn, String endsOn,
            boolean preferred) {
        return fact("ContractSigned", at, "{'contractId':'" + contractId + "','startsOn':'" + startsOn
                + "','endsOn':'" + endsOn + "','annualValue':" + money("1200000.00") + ",'listValue':"
                + money("1500000.00") + ",'expectedMarginPct':18.5,'serviceLevel':'Premium',"
                + "'preferredSupplier':" + preferred + "}");
    }

    public static RecordedFact terminated(Instant at, String contractId) {
        return fact("ContractTerminated", at, "{'contractId':'" + contractId + "','reason':'Plant closed'}");
    }

    public static RecordedFact requestOpened(Instant at, String requestId, String severity, int slaHours) {
        return fact("ServiceRequestOpened", at, "{'requestId':'" + requestId + "','severity':'" + severity
                + "','slaHours':" + slaHours + ",'subject':'s'}");
    }

    public static RecordedFact requestResolved(Instant at, String requestId) {
        return fact("ServiceRequestResolved", at, "{'requestId':'" + requestId + "','resolution':'done'}");
    }

    public static RecordedFact complaint(Instant at, String complaintId, String severity) {
        return fact("ComplaintRaised", at, "{'complaintId':'" + complaintId + "','severity':'" + severity
                + "','subject':'late delivery'}");
    }

    public static RecordedFact complaintResolved(Instant at, String complaintId) {
        return fact("ComplaintResolved", at, "{'complaintId':'" + complaintId + "','resolution':'credit'}");
    }
}
