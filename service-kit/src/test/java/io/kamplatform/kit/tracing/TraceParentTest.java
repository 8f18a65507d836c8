package io.kamplatform.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void writesAndReadsTheW3cFormat() {
        SpanContext span = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        String text = TraceParent.of(span);
        assertThat(text).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");

        SpanContext parent = Span.fromContext(TraceParent.parent(text)).getSpanContext();
        assertThat(parent.getTraceId()).isEqualTo(TRACE);
        assertThat(parent.getSpanId()).isEqualTo(SPAN);
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.isSampled()).isTrue();
    }

    @Test
    void noSpanNoTextAndBadTextNoParent() {
        assertThat(TraceParent.current()).as("no span is current outside a traced request").isNull();
        for (String bad : new String[] {null, "", "01-" + TRACE + "-" + SPAN + "-01", "00-" + TRACE + "-" + SPAN,
                "00-00000000000000000000000000000000-" + SPAN + "-01", "00-" + TRACE.toUpperCase() + "-" + SPAN + "-01"}) {
            assertThat(Span.fromContext(TraceParent.parent(bad)).getSpanContext().isValid()).as(String.valueOf(bad)).isFalse();
        }
    }
}
