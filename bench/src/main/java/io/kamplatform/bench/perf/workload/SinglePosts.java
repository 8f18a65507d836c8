package io.kamplatform.bench.perf.workload;

import io.kamplatform.bench.perf.BenchContext;
import io.kamplatform.bench.perf.load.Call;
import io.kamplatform.bench.perf.load.Http;
import java.net.http.HttpResponse;

/** A call that records one revenue event with {@code POST /api/accounts/{id}/events} and keeps the acknowledgement. */
final class SinglePosts {

    private SinglePosts() {
    }

    static Call call(BenchContext ctx, String label, int clients) {
        AccountEvents events = new AccountEvents(ctx);
        return (client, i) -> {
            String account = events.account(client, clients, i);
            String eventId = "bench-" + ctx.runId() + "-" + label + "-" + client + "-" + i;
            HttpResponse<String> response = ctx.http().post(ctx.url(0, "/api/accounts/" + account + "/events"),
                    ctx.writerToken(), events.single(eventId, i));
            Http.expect(response, 201, "single POST");
            ctx.acknowledgements().acknowledge(events.acknowledged(account, eventId));
            return 1;
        };
    }
}
