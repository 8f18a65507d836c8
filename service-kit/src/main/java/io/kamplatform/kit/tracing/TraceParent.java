package io.kamplatform.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;

import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} text of a trace context ({@code 00-<trace id>-<span id>-<flags>}), written with each
 * event in the writer's store and sent as the CloudEvents extension {@code ce_traceparent}, so one CRM post is one
 * trace from the HTTP span to the read-model update. No SDK needed here: with tracing off, there is no valid span
 * and nothing is written.
 */
public final class TraceParent {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceParent() {
    }

    /** The current span's context as traceparent, or null when there is no valid (recorded or propagated) span. */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    public static String of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** A context whose parent is the remote span the text names; the root context when the text is absent or malformed. */
    public static Context parent(String traceParent) {
        if (traceParent == null) {
            return Context.root();
        }
        var m = FORMAT.matcher(traceParent.trim());
        if (!m.matches()) {
            return Context.root();
        }
        SpanContext remote = SpanContext.createFromRemoteParent(m.group(1), m.group(2),
                TraceFlags.fromHex(m.group(3), 0), TraceState.getDefault());
        return remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.root();
    }
}
