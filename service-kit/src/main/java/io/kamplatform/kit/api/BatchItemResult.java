package io.kamplatform.kit.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kamplatform.kit.problem.Problem;

/** The result of one batch item: RECORDED, DUPLICATE (recorded before, nothing appended) or REJECTED with its problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(int index, String eventId, Status status, EventReceipt receipt, Problem problem) {

    public enum Status { RECORDED, DUPLICATE, REJECTED }
}
