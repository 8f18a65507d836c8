package io.kamplatform.account.store;

import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.kit.api.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The account event types the API accepts, by logical name. */
@ApplicationScoped
public class AccountEventCatalog implements EventCatalog<AccountEvent> {

    @Override
    public Optional<Class<? extends AccountEvent>> classOf(String typeName) {
        return AccountEventType.byName(typeName).map(AccountEventType::eventClass);
    }

    @Override
    public List<String> typeNames() {
        return AccountEventType.typeNames();
    }
}
