package io.kamplatform.relationship.support;

import java.util.List;

/** JSON bodies of relationship and contract events as a CRM integration would post them. */
public final class Events {
    private Events() {
    }

    public static String event(String eventId, String type, String occurredAt, Long expectedVersion, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt + "\","
                + (expectedVersion == null ? "" : "\"expectedVersion\":" + expectedVersion + ",") + "\"data\":" + data + "}";
    }

    public static String event(String type, String data) {
        return event(Accounts.newEventId(), type, "2026-03-01T10:00:00Z", null, data);
    }

    /** One event of every type, in an order the rules accept: [type, data]. */
    public static List<String[]> everyType(String contractId) {
        return List.of(
                new String[] {"ContactAdded", "{\"contactId\":\"c-1\",\"name\":\"Giulia Conti\",\"buyingRoles\":[\"DECIDER\",\"SPONSOR\"],\"level\":\"EXECUTIVE\",\"function\":\"COO\"}"},
                new String[] {"ContactUpdated", "{\"contactId\":\"c-1\",\"function\":\"CEO\"}"},
                new String[] {"InteractionRecorded", "{\"interactionId\":\"i-1\",\"kind\":\"BUSINESS_REVIEW\",\"contactIds\":[\"c-1\"],"
                        + "\"supplierParticipants\":[{\"participantId\":\"kam-anna\",\"name\":\"Anna Rossi\",\"function\":\"SALES\"}],"
                        + "\"twoWay\":true,\"sentiment\":\"POSITIVE\",\"summary\":\"Quarterly review\",\"followUpDueOn\":\"2026-03-15\"}"},
                new String[] {"FollowUpCompleted", "{\"interactionId\":\"i-1\",\"outcome\":\"offer sent\"}"},
                new String[] {"ServiceRequestOpened", "{\"requestId\":\"sr-1\",\"severity\":\"HIGH\",\"slaHours\":24,\"subject\":\"Line 3 down\"}"},
                new String[] {"ServiceRequestResolved", "{\"requestId\":\"sr-1\",\"resolution\":\"part replaced\"}"},
                new String[] {"ComplaintRaised", "{\"complaintId\":\"cp-1\",\"severity\":\"MEDIUM\",\"subject\":\"Late delivery\"}"},
                new String[] {"ComplaintResolved", "{\"complaintId\":\"cp-1\",\"resolution\":\"credit note\"}"},
                new String[] {"CompetitorActivityObserved", "{\"competitor\":\"Rival AG\",\"threat\":\"HIGH\",\"note\":\"pilot at plant 2\"}"},
                new String[] {"ContactLeft", "{\"contactId\":\"c-1\",\"reason\":\"retired\"}"},
                new String[] {"ContractSigned", "{\"contractId\":\"" + contractId + "\",\"startsOn\":\"2026-02-01\",\"endsOn\":\"2027-01-31\","
                        + "\"annualValue\":{\"amount\":\"900000.00\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"1000000.00\",\"currency\":\"EUR\"},"
                        + "\"expectedMarginPct\":22.5,\"serviceLevel\":\"PREMIUM\",\"preferredSupplier\":true}"},
                new String[] {"ConcessionGranted", "{\"contractId\":\"" + contractId + "\",\"concessionId\":\"cc-1\",\"kind\":\"REBATE\","
                        + "\"value\":{\"amount\":\"25000.00\",\"currency\":\"EUR\"},\"note\":\"volume rebate\"}"},
                new String[] {"ContractAmended", "{\"contractId\":\"" + contractId + "\",\"annualValue\":{\"amount\":\"950000.00\",\"currency\":\"EUR\"},"
                        + "\"listValue\":{\"amount\":\"1000000.00\",\"currency\":\"EUR\"},\"expectedMarginPct\":21,\"reason\":\"extra line\"}"},
                new String[] {"ContractRenewed", "{\"contractId\":\"" + contractId + "\",\"newEndsOn\":\"2029-01-31\","
                        + "\"annualValue\":{\"amount\":\"850000.00\",\"currency\":\"EUR\"},\"listValue\":{\"amount\":\"1000000.00\",\"currency\":\"EUR\"},\"expectedMarginPct\":18}"},
                new String[] {"ContractTerminated", "{\"contractId\":\"" + contractId + "\",\"reason\":\"moved to competitor\",\"effectiveOn\":\"2028-06-30\"}"});
    }
}
