package io.kamplatform.account.contract;

import io.kamplatform.account.store.AccountEventType;
import io.kamplatform.kit.testing.contract.EventJsonGoldenContract;

/**
 * Approval tests of the JSON on {@code kam.account.events}: what the service writes for each event type equals
 * {@code src/test/resources/golden/<TypeName>.json} (the tests are the kit's {@link EventJsonGoldenContract}).
 */
class EventJsonGoldenTest extends EventJsonGoldenContract<Object, AccountEventType> {

    EventJsonGoldenTest() {
        super(AccountEvents.PUBLISHED);
    }
}
