package io.kamplatform.bench.reliability;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event a writer acknowledged with a 2xx (RECORDED or DUPLICATE): what the platform promised to keep. Only keys
 * are kept (not the items' JSON), so a load of millions of events fits in memory.
 */
public final class Acknowledgements {

    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> perAccount = new ConcurrentHashMap<>();
    private BigDecimal revenue = BigDecimal.ZERO;

    public void acknowledge(PlannedItem item) {
        if (keys.add(item.key())) {
            perAccount.computeIfAbsent(item.accountId(), a -> new AtomicLong()).incrementAndGet();
            if (item.revenue().signum() != 0) {
                synchronized (this) {
                    revenue = revenue.add(item.revenue());
                }
            }
        }
    }

    public boolean isAcknowledged(PlannedItem item) {
        return keys.contains(item.key());
    }

    /** (CloudEvents source, event id) of every acknowledged event. */
    public Set<String> keys() {
        return keys;
    }

    public int size() {
        return keys.size();
    }

    /** The revenue of the acknowledged events that the verification's report window counts. */
    public synchronized BigDecimal revenue() {
        return revenue;
    }
}
