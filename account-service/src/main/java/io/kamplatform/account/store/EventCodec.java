package io.kamplatform.account.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.account.domain.AccountEvent;
import jakarta.enterprise.context.ApplicationScoped;
import io.kamplatform.kit.store.StoredEvent;
import java.io.UncheckedIOException;

/**
 * Turns domain events into stored JSON and back, by logical type name. The place where an older
 * schema version would be upcast to the current record before the fold sees it.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(AccountEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AccountEvent decode(StoredEvent stored) {
        AccountEventType type = AccountEventType.byName(stored.type())
                .orElseThrow(() -> new IllegalStateException("stored event of unknown type " + stored.type()));
        if (stored.schemaVersion() != AccountEventType.CURRENT_SCHEMA_VERSION) {
            throw new IllegalStateException("no upcaster from " + stored.type() + " v" + stored.schemaVersion());
        }
        try {
            return mapper.readValue(stored.payload(), type.eventClass());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored event " + stored.eventId() + " is unreadable", e);
        }
    }
}
