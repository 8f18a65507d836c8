package io.kamplatform.kit.store;

/**
 * One published event type: its logical name (what is stored, sent as {@code ce_type} and named in the JSON Schema)
 * and the record that carries its data. Java class names never leave a service. A writer lists its types in an enum
 * that implements this, and builds its {@link EventCatalog} from it.
 */
public interface EventType<E> {

    String typeName();

    Class<? extends E> eventClass();
}
