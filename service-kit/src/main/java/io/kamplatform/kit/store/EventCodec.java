package io.kamplatform.kit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * Turns a writer's events into stored JSON (the payload, and so the Kafka record value) and back, by logical type
 * name. The place where an older schema version would be upcast to the current record before a fold sees it.
 */
public final class EventCodec<E> {

    private final ObjectMapper mapper;
    private final EventCatalog<E, ?> catalog;

    public EventCodec(ObjectMapper mapper, EventCatalog<E, ?> catalog) {
        this.mapper = mapper;
        this.catalog = catalog;
    }

    public EventCatalog<E, ?> catalog() {
        return catalog;
    }

    public String encode(E event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public E decode(StoredEvent stored) {
        Class<? extends E> eventClass = catalog.classOf(stored.type())
                .orElseThrow(() -> new IllegalStateException("stored event of unknown type " + stored.type()));
        if (stored.schemaVersion() != catalog.schemaVersion()) {
            throw new IllegalStateException("no upcaster from " + stored.type() + " v" + stored.schemaVersion());
        }
        try {
            return mapper.readValue(stored.payload(), eventClass);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored event " + stored.eventId() + " is unreadable", e);
        }
    }
}
