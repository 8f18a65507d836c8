package io.kamplatform.kit.store;

import java.util.List;
import java.util.Optional;

/**
 * The event types a writer accepts, stores and publishes, and their current schema version: from logical name to
 * record and back. Built once from the writer's enum of {@link EventType}s.
 *
 * @param <E> what the writer's events have in common ({@code Object} when they form several hierarchies)
 * @param <T> the writer's enum of event types
 */
public final class EventCatalog<E, T extends EventType<? extends E>> {

    private final int schemaVersion;
    private final List<T> types;

    public EventCatalog(int schemaVersion, List<T> types) {
        this.schemaVersion = schemaVersion;
        this.types = List.copyOf(types);
    }

    /** Bumped together with the JSON Schemas; older stored versions are upcast on read ({@link EventCodec}). */
    public int schemaVersion() {
        return schemaVersion;
    }

    public List<T> types() {
        return types;
    }

    public Optional<T> byName(String typeName) {
        return types.stream().filter(t -> t.typeName().equals(typeName)).findFirst();
    }

    public Optional<Class<? extends E>> classOf(String typeName) {
        return byName(typeName).map(EventType::eventClass);
    }

    /** The type of an event of this writer; an event of another class is a programming error. */
    public T of(E event) {
        return types.stream().filter(t -> t.eventClass() == event.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unmapped event " + event.getClass()));
    }

    public List<String> typeNames() {
        return types.stream().map(EventType::typeName).toList();
    }
}
