package io.kamplatform.bench.reliability;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every event a writer acknowledged with a 2xx (RECORDED or DUPLICATE): what the platform promised to keep. */
final class Acknowledgements {

    final Map<String, PlannedItem> byKey = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> perAccount = new ConcurrentHashMap<>();
    private BigDecimal revenue = BigDecimal.ZERO;

    void acknowledge(PlannedItem item) {
        if (byKey.putIfAbsent(item.key(), item) == null) {
            perAccount.computeIfAbsent(item.accountId(), a -> new AtomicLong()).incrementAndGet();
            if (item.revenue().signum() != 0) {
                synchronized (this) {
                    revenue = revenue.add(item.revenue());
                }
            }
        }
    }

    boolean isAcknowledged(PlannedItem item) {
        return byKey.containsKey(item.key());
    }

    int size() {
        return byKey.size();
    }

    synchronized BigDecimal revenue() {
        return revenue;
    }
}
