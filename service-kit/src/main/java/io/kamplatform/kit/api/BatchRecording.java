package io.kamplatform.kit.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.kamplatform.kit.json.StrictJson;
import io.kamplatform.kit.problem.Problem;
import io.kamplatform.kit.problem.ProblemException;
import io.kamplatform.kit.problem.Violation;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The shape of every batch endpoint: check the item count, bind each item strictly and read it (an unreadable item
 * is rejected with its problem naming {@code items[i]...}, the others go on), record the readable ones in one call,
 * and answer with one result per item in request order.
 */
public final class BatchRecording {

    private BatchRecording() {
    }

    /** An item read into a submission, or the problem that explains why not. */
    public record Read<S>(String eventId, S submission, Problem problem) {
        public static <S> Read<S> ok(String eventId, S submission) {
            return new Read<>(eventId, submission, null);
        }

        public static <S> Read<S> failed(String eventId, Problem problem) {
            return new Read<>(eventId, null, problem);
        }
    }

    /** Reads item {@code index}, already bound to the item type. */
    public interface ItemReader<I, S> {
        Read<S> read(int index, I item);
    }

    /** Turns a recording outcome into the item's result. */
    public interface ItemResult<O> {
        BatchItemResult of(int index, String eventId, O outcome);
    }

    /** The items of a batch body, each still JSON so one malformed item does not fail the others. */
    public record Body(List<JsonNode> items) {
    }

    public static <I, S, O> Uni<BatchResult> record(Body body, int maxItems, StrictJson json, Class<I> itemType,
                                                    ItemReader<I, S> reader, Function<List<S>, Uni<List<O>>> recorder,
                                                    ItemResult<O> results) {
        List<JsonNode> items = body.items();
        if (items == null || items.isEmpty() || items.size() > maxItems) {
            throw new ProblemException(Problem.invalid(List.of(new Violation("items",
                    "must hold 1 to " + maxItems + " events"))));
        }
        BatchItemResult[] answers = new BatchItemResult[items.size()];
        List<S> submissions = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Read<S> read = read(items.get(i), i, json, itemType, reader);
            if (read.problem() != null) {
                answers[i] = rejected(i, read.eventId(), read.problem());
            } else {
                submissions.add(read.submission());
                indexes.add(i);
                eventIds.add(read.eventId());
            }
        }
        if (submissions.isEmpty()) {
            return Uni.createFrom().item(BatchResult.of(List.of(answers)));
        }
        return recorder.apply(submissions).map(outcomes -> {
            for (int k = 0; k < outcomes.size(); k++) {
                answers[indexes.get(k)] = results.of(indexes.get(k), eventIds.get(k), outcomes.get(k));
            }
            return BatchResult.of(List.of(answers));
        });
    }

    private static <I, S> Read<S> read(JsonNode item, int index, StrictJson json, Class<I> itemType, ItemReader<I, S> reader) {
        if (item == null || !item.isObject()) {
            return Read.failed(null, Problem.invalid(List.of(new Violation(prefix(index), "must be an object"))));
        }
        StrictJson.Bound<I> bound = json.bind(item, itemType, prefix(index));
        if (bound.violation() != null) {
            String eventId = item.path("eventId").isTextual() ? item.get("eventId").asText() : null;
            return Read.failed(eventId, Problem.invalid(List.of(bound.violation())));
        }
        return reader.read(index, bound.value());
    }

    public static BatchItemResult rejected(int index, String eventId, Problem problem) {
        return new BatchItemResult(index, eventId, BatchItemResult.Status.REJECTED, null, problem);
    }

    public static String prefix(int index) {
        return "items[" + index + "]";
    }
}
