package io.kamplatform.relationship.contract;

import io.kamplatform.kit.testing.contract.EventJsonGoldenContract;
import io.kamplatform.relationship.store.RelationshipEventType;

/**
 * Approval tests of the JSON on {@code kam.interaction.events} and {@code kam.contract.events}: what the service
 * writes for each event type equals {@code src/test/resources/golden/<TypeName>.json} (the tests are the kit's
 * {@link EventJsonGoldenContract}).
 */
class EventJsonGoldenTest extends EventJsonGoldenContract<Object, RelationshipEventType> {

    EventJsonGoldenTest() {
        super(RelationshipEvents.PUBLISHED);
    }
}
