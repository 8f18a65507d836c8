package io.kamplatform.bench.reliability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A reproducible portfolio for the harness, about 40 events per account on all three topics: registration, sales
 * potential and 24 revenue events in February–November 2025 (account-service); contacts, interactions, a service
 * request, a complaint, a competitor sighting, a contract and a concession (relationship-service). The revenue lies
 * inside the trailing twelve months of 2025-12-31 however that window is defined, so the reports' total revenue then
 * equals the sum of the acknowledged revenue events exactly.
 */
final class SyntheticPortfolio {

    static final int EVENTS_PER_ACCOUNT = 40;
    static final String AS_OF = "2025-12-31";

    private SyntheticPortfolio() {
    }

    /** Accounts in chunks; each chunk is one account batch and one relationship batch. */
    static List<Chunk> generate(long seed, int events, int accountsPerChunk) {
        int accounts = Math.max(1, events / EVENTS_PER_ACCOUNT);
        List<Chunk> chunks = new ArrayList<>();
        for (int first = 0; first < accounts; first += accountsPerChunk) {
            List<PlannedItem> accountItems = new ArrayList<>();
            List<PlannedItem> relationshipItems = new ArrayList<>();
            for (int n = first; n < Math.min(accounts, first + accountsPerChunk); n++) {
                String account = "S%d-%06d".formatted(seed, n);
                accountEvents(account, n, accountItems);
                relationshipEvents(account, relationshipItems);
            }
            chunks.add(new Chunk(accountItems, relationshipItems));
        }
        return chunks;
    }

    private static void accountEvents(String account, int n, List<PlannedItem> items) {
        add(items, Writer.ACCOUNT, account, 0, "AccountRegistered", "2024-06-01T09:00:00Z",
                "{\"name\":\"Synthetic " + account + "\",\"sector\":\"Manufacturing\",\"country\":\"DE\"}", BigDecimal.ZERO);
        add(items, Writer.ACCOUNT, account, 1, "SalesPotentialAssessed", "2024-07-01T09:00:00Z",
                "{\"annualPotential\":{\"amount\":\"" + (50_000 + n % 97 * 1000) + ".00\",\"currency\":\"EUR\"},"
                        + "\"rationale\":\"synthetic\"}", BigDecimal.ZERO);
        for (int k = 0; k < 24; k++) {
            int month = 2 + k % 10;
            BigDecimal revenue = new BigDecimal((1000 + (n * 37 + k * 11) % 5000) + "." + (10 + k));
            add(items, Writer.ACCOUNT, account, 2 + k, "RevenueRecognized", "2025-%02d-20T12:00:00Z".formatted(month),
                    "{\"month\":\"2025-%02d\",\"revenue\":{\"amount\":\"%s\",\"currency\":\"EUR\"},"
                            .formatted(month, revenue.toPlainString())
                            + "\"costOfSales\":{\"amount\":\"500.00\",\"currency\":\"EUR\"}}", revenue);
        }
    }

    private static void relationshipEvents(String account, List<PlannedItem> items) {
        int k = 100;
        for (int c = 1; c <= 3; c++) {
            add(items, Writer.RELATIONSHIP, account, k++, "ContactAdded", "2024-08-0" + c + "T09:00:00Z",
                    "{\"contactId\":\"c-" + c + "\",\"name\":\"Contact " + c + "\",\"buyingRoles\":[\""
                            + (c == 1 ? "DECIDER" : c == 2 ? "BUYER" : "USER") + "\"],\"level\":\""
                            + (c == 1 ? "EXECUTIVE" : "OPERATIONAL") + "\",\"function\":\"Operations\"}", BigDecimal.ZERO);
        }
        for (int i = 1; i <= 5; i++) {
            add(items, Writer.RELATIONSHIP, account, k++, "InteractionRecorded", "2025-0" + (i + 3) + "-10T10:00:00Z",
                    "{\"interactionId\":\"i-" + i + "\",\"kind\":\"MEETING\",\"contactIds\":[\"c-1\"],"
                            + "\"supplierParticipants\":[{\"participantId\":\"kam-1\",\"function\":\"SALES\"}],"
                            + "\"twoWay\":true}", BigDecimal.ZERO);
        }
        add(items, Writer.RELATIONSHIP, account, k++, "ServiceRequestOpened", "2025-05-02T08:00:00Z",
                "{\"requestId\":\"sr-1\",\"severity\":\"HIGH\",\"slaHours\":24,\"subject\":\"Line stop\"}", BigDecimal.ZERO);
        add(items, Writer.RELATIONSHIP, account, k++, "ServiceRequestResolved", "2025-05-02T18:00:00Z",
                "{\"requestId\":\"sr-1\",\"resolution\":\"fixed\"}", BigDecimal.ZERO);
        add(items, Writer.RELATIONSHIP, account, k++, "ComplaintRaised", "2025-06-03T08:00:00Z",
                "{\"complaintId\":\"cp-1\",\"severity\":\"MEDIUM\",\"subject\":\"Late delivery\"}", BigDecimal.ZERO);
        add(items, Writer.RELATIONSHIP, account, k++, "CompetitorActivityObserved", "2025-07-04T08:00:00Z",
                "{\"competitor\":\"Rival AG\",\"threat\":\"LOW\"}", BigDecimal.ZERO);
        add(items, Writer.RELATIONSHIP, account, k++, "ContractSigned", "2025-01-15T12:00:00Z",
                "{\"contractId\":\"K-" + account + "\",\"startsOn\":\"2025-01-01\",\"endsOn\":\"2026-12-31\","
                        + "\"annualValue\":{\"amount\":\"90000.00\",\"currency\":\"EUR\"},"
                        + "\"listValue\":{\"amount\":\"100000.00\",\"currency\":\"EUR\"},\"expectedMarginPct\":20,"
                        + "\"serviceLevel\":\"STANDARD\",\"preferredSupplier\":false}", BigDecimal.ZERO);
        add(items, Writer.RELATIONSHIP, account, k, "ConcessionGranted", "2025-03-15T12:00:00Z",
                "{\"contractId\":\"K-" + account + "\",\"concessionId\":\"cc-1\",\"kind\":\"REBATE\","
                        + "\"value\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"}}", BigDecimal.ZERO);
    }

    private static void add(List<PlannedItem> items, Writer writer, String account, int k, String type, String at,
                            String data, BigDecimal revenue) {
        String eventId = "ev-" + account + "-" + k;
        String json = "{\"accountId\":\"" + account + "\",\"eventId\":\"" + eventId + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + at + "\",\"data\":" + data + "}";
        items.add(new PlannedItem(eventId, writer, account, type, json, revenue));
    }
}
