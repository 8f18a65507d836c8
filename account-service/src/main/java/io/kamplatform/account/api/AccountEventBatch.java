package io.kamplatform.account.api;

import io.kamplatform.kit.api.EventIntake;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulk load of account events, recorded in one transaction with one result per item. */
@Schema(name = "AccountEventBatch")
public record AccountEventBatch(
        @Schema(description = "1 to 1000 items, recorded in order", maxItems = AccountEventBatch.MAX_ITEMS, required = true)
        List<AccountEventBatchItem> items) {

    public static final int MAX_ITEMS = EventIntake.MAX_BATCH_ITEMS;
}
