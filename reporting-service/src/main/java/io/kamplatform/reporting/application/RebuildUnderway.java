package io.kamplatform.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this instance is rebuilding the read models. Meanwhile the month ends are not kept ahead on the live tables:
 * the switch replaces {@code account_summaries}, so that work would be thrown away, and it would take CPU from the
 * rebuild (its warm-up is CPU-bound). The current summaries are still refreshed: the live tables answer until the switch.
 */
@ApplicationScoped
public class RebuildUnderway {

    private final AtomicBoolean underway = new AtomicBoolean();

    public void begin() {
        underway.set(true);
    }

    public void end() {
        underway.set(false);
    }

    public boolean now() {
        return underway.get();
    }
}
