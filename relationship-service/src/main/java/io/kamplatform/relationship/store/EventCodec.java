package io.kamplatform.relationship.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kamplatform.kit.store.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/**
 * Turns domain events into stored JSON and back, by logical type name. The place where an older schema
 * version would be upcast to the current record before a fold sees it.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Object decode(StoredEvent stored) {
        RelationshipEventType type = RelationshipEventType.byName(stored.type())
                .orElseThrow(() -> new IllegalStateException("stored event of unknown type " + stored.type()));
        if (stored.schemaVersion() != RelationshipEventType.CURRENT_SCHEMA_VERSION) {
            throw new IllegalStateException("no upcaster from " + stored.type() + " v" + stored.schemaVersion());
        }
        try {
            return mapper.readValue(stored.payload(), type.eventClass());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored event " + stored.eventId() + " is unreadable", e);
        }
    }
}
