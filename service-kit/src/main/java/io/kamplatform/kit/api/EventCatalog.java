package io.kamplatform.kit.api;

import java.util.List;
import java.util.Optional;

/** The event types a service accepts: logical type name to the record that carries its data. */
public interface EventCatalog<E> {

    Optional<Class<? extends E>> classOf(String typeName);

    List<String> typeNames();
}
