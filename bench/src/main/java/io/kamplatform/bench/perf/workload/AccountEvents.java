package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.reliability.PlannedItem;
import io.kamplatform.bench.reliability.Writer;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The events the workloads post to account-service while they measure: revenue of the month before the portfolio
 * starts (so the verified revenue window stays exact) on existing portfolio accounts, whose streams are as long as a
 * real portfolio's; ids carry the run id, so a rerun on the same platform never collides.
 */
final class AccountEvents {

    private final BenchContext ctx;
    private final YearMonth month;
    private final String occurredAt;

    AccountEvents(BenchContext ctx) {
        this.ctx = ctx;
        this.month = ctx.portfolio().monthBeforeStart();
        this.occurredAt = month.atEndOfMonth() + "T18:00:00Z";
    }

    /** The k-th portfolio account of client {@code client} out of {@code clients}: clients never share an account. */
    String account(int client, int clients, long k) {
        int owned = Math.max(1, (ctx.portfolio().accounts() - client + clients - 1) / clients);
        return ctx.portfolio().accountId((int) (client + clients * (k % owned)));
    }

    String data(long n) {
        return "{\"month\":\"" + month + "\",\"revenue\":{\"amount\":\"" + (100 + n % 900) + ".50\",\"currency\":\"EUR\"},"
                + "\"costOfSales\":{\"amount\":\"60.25\",\"currency\":\"EUR\"},\"reference\":\"bench\"}";
    }

    /** Body of {@code POST /api/accounts/{id}/events}. */
    String single(String eventId, long n) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"RevenueRecognized\",\"occurredAt\":\"" + occurredAt
                + "\",\"data\":" + data(n) + "}";
    }

    /** One item of {@code POST /api/account-events/batch}. */
    String item(String account, String eventId, long n) {
        return "{\"accountId\":\"" + account + "\",\"eventId\":\"" + eventId + "\",\"type\":\"RevenueRecognized\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"data\":" + data(n) + "}";
    }

    PlannedItem acknowledged(String account, String eventId) {
        return new PlannedItem(eventId, Writer.ACCOUNT, account, "RevenueRecognized", "", BigDecimal.ZERO);
    }
}
