package io.kamplatform.relationship.store;

import io.kamplatform.kit.api.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The event types the API accepts, by logical name; relationship and contract events alike. */
@ApplicationScoped
public class RelationshipEventCatalog implements EventCatalog<Object> {

    @Override
    public Optional<Class<?>> classOf(String typeName) {
        return RelationshipEventType.byName(typeName).map(RelationshipEventType::eventClass);
    }

    @Override
    public List<String> typeNames() {
        return RelationshipEventType.typeNames();
    }
}
