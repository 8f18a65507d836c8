package io.kamplatform.reporting.support;

import io.kamplatform.reporting.store.IncomingFact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * The event data this service's tests publish, one per type it reads, as the producers write it. The
 * consumer-side contract test checks every one against the producers' published JSON Schemas, so the
 * reports are never tested against data a producer could not send.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static final String ACCOUNTS = "kam.account.events";
    public static final String INTERACTIONS = "kam.interaction.events";
    public static final String CONTRACTS = "kam.contract.events";

    /** type -> topic */
    public static final Map<String, String> TOPIC_OF = Map.ofEntries(
            Map.entry("AccountRegistered", ACCOUNTS), Map.entry("SalesPotentialAssessed", ACCOUNTS),
            Map.entry("RevenueRecognized", ACCOUNTS), Map.entry("KeyAccountDesignated", ACCOUNTS),
            Map.entry("KeyAccountManagerAssigned", ACCOUNTS), Map.entry("AccountTeamMemberJoined", ACCOUNTS),
            Map.entry("ContactAdded", INTERACTIONS), Map.entry("ContactLeft", INTERACTIONS),
            Map.entry("InteractionRecorded", INTERACTIONS), Map.entry("ServiceRequestOpened", INTERACTIONS),
            Map.entry("ServiceRequestResolved", INTERACTIONS), Map.entry("ComplaintRaised", INTERACTIONS),
            Map.entry("ContractSigned", CONTRACTS), Map.entry("ContractRenewed", CONTRACTS),
            Map.entry("AccountPlanPublished", ACCOUNTS), Map.entry("ObjectiveSet", ACCOUNTS),
            Map.entry("ObjectiveProgressReported", ACCOUNTS), Map.entry("ObjectiveMissed", ACCOUNTS),
            Map.entry("ActionPlanned", ACCOUNTS), Map.entry("PlanReviewed", ACCOUNTS));

    /**
     * A fact of {@code type} about the account from {@code source}, without stream labels, for tests that store facts
     * directly through {@code FactStore.projectBatch} (not via Kafka).
     */
    public static IncomingFact direct(String source, String account, String type, Instant at, String data) {
        return new IncomingFact("evt-" + UUID.randomUUID(), account, type, source, TOPIC_OF.getOrDefault(type, ACCOUNTS),
                0, 0, null, null, at.atOffset(ZoneOffset.UTC), null, data);
    }

    public static String registered(String name) {
        return "{\"name\":\"" + name + "\",\"sector\":\"Manufacturing\",\"country\":\"DE\",\"parentAccountId\":null}";
    }

    public static String potential(String amount) {
        return "{\"annualPotential\":{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"},\"rationale\":\"three plants\"}";
    }

    public static String revenue(String month, String revenue, String cost) {
        return "{\"month\":\"" + month + "\",\"revenue\":{\"amount\":\"" + revenue + "\",\"currency\":\"EUR\"},"
                + "\"costOfSales\":{\"amount\":\"" + cost + "\",\"currency\":\"EUR\"},\"reference\":null}";
    }

    public static String designated() {
        return "{\"rationale\":\"large potential\"}";
    }

    public static String manager(String id, String name) {
        return "{\"managerId\":\"" + id + "\",\"name\":\"" + name + "\"}";
    }

    public static String teamMember(String id, String function) {
        return "{\"memberId\":\"" + id + "\",\"name\":null,\"function\":\"" + function + "\"}";
    }

    public static String contact(String id, String roles, String level) {
        return "{\"contactId\":\"" + id + "\",\"name\":\"Contact " + id + "\",\"buyingRoles\":[" + roles + "],\"level\":\""
                + level + "\",\"function\":\"Operations\"}";
    }

    public static String contactLeft(String id) {
        return "{\"contactId\":\"" + id + "\",\"reason\":\"left the company\"}";
    }

    public static String interaction(String id, String kind, String contactIds, String function, boolean twoWay) {
        return "{\"interactionId\":\"" + id + "\",\"kind\":\"" + kind + "\",\"contactIds\":[" + contactIds + "],"
                + "\"supplierParticipants\":[{\"participantId\":\"p-" + function.toLowerCase() + "\",\"name\":null,\"function\":\""
                + function + "\"}],\"twoWay\":" + twoWay + ",\"sentiment\":\"POSITIVE\",\"summary\":null,\"followUpDueOn\":null}";
    }

    public static String serviceRequest(String id, String severity, int slaHours) {
        return "{\"requestId\":\"" + id + "\",\"severity\":\"" + severity + "\",\"slaHours\":" + slaHours + ",\"subject\":\"Line down\"}";
    }

    public static String serviceRequestResolved(String id) {
        return "{\"requestId\":\"" + id + "\",\"resolution\":\"fixed\"}";
    }

    public static String complaint(String id, String severity) {
        return "{\"complaintId\":\"" + id + "\",\"severity\":\"" + severity + "\",\"subject\":\"Quality issue\"}";
    }

    public static String contractSigned(String id, String startsOn, String endsOn, boolean preferred) {
        return "{\"contractId\":\"" + id + "\",\"startsOn\":\"" + startsOn + "\",\"endsOn\":\"" + endsOn + "\","
                + "\"annualValue\":{\"amount\":\"900000.00\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"1000000.00\",\"currency\":\"EUR\"},"
                + "\"expectedMarginPct\":22.5,\"serviceLevel\":\"PREMIUM\",\"preferredSupplier\":" + preferred + "}";
    }

    public static String contractRenewed(String id, String newEndsOn) {
        return "{\"contractId\":\"" + id + "\",\"newEndsOn\":\"" + newEndsOn + "\","
                + "\"annualValue\":{\"amount\":\"850000.00\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"1000000.00\",\"currency\":\"EUR\"},"
                + "\"expectedMarginPct\":18}";
    }

    /** One sample of every type above, for the contract test. */
    public static Map<String, String> samples() {
        return Map.ofEntries(
                Map.entry("AccountRegistered", registered("Acme")), Map.entry("SalesPotentialAssessed", potential("2500000")),
                Map.entry("RevenueRecognized", revenue("2026-01", "100.00", "60.00")),
                Map.entry("KeyAccountDesignated", designated()), Map.entry("KeyAccountManagerAssigned", manager("kam-anna", "Anna Rossi")),
                Map.entry("AccountTeamMemberJoined", teamMember("luca", "TECHNICAL")),
                Map.entry("ContactAdded", contact("c-1", "\"DECIDER\"", "EXECUTIVE")), Map.entry("ContactLeft", contactLeft("c-1")),
                Map.entry("InteractionRecorded", interaction("i-1", "VISIT", "\"c-1\"", "SALES", true)),
                Map.entry("ServiceRequestOpened", serviceRequest("sr-1", "HIGH", 24)),
                Map.entry("ServiceRequestResolved", serviceRequestResolved("sr-1")),
                Map.entry("ComplaintRaised", complaint("cp-1", "CRITICAL")),
                Map.entry("ContractSigned", contractSigned("K-1", "2026-01-01", "2028-12-31", true)),
                Map.entry("ContractRenewed", contractRenewed("K-1", "2030-12-31")));
    }
}
