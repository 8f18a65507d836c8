package io.kamplatform.bench.reliability;

import java.util.List;

/**
 * One slice of a portfolio's accounts: their account-service events and their relationship-service events, each
 * posted as one batch (account batches ahead of relationship batches: relationship-service learns accounts from Kafka).
 */
public record Chunk(List<PlannedItem> accountItems, List<PlannedItem> relationshipItems) {

    public int size() {
        return accountItems.size() + relationshipItems.size();
    }
}
