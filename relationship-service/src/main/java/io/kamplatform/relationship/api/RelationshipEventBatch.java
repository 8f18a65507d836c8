package io.kamplatform.relationship.api;

import io.kamplatform.kit.api.EventIntake;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulk load of relationship and contract events, recorded in one transaction with one result per item. */
@Schema(name = "RelationshipEventBatch")
public record RelationshipEventBatch(
        @Schema(description = "1 to 1000 items, recorded in order", maxItems = RelationshipEventBatch.MAX_ITEMS, required = true)
        List<RelationshipEventBatchItem> items) {

    public static final int MAX_ITEMS = EventIntake.MAX_BATCH_ITEMS;
}
