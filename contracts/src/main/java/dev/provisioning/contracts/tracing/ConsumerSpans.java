package dev.provisioning.contracts.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runs the handling of one Kafka record inside a consumer span whose parent is the record's {@code traceparent},
 * so one rollout is one trace across every service that touched it.
 */
public final class ConsumerSpans {

    private ConsumerSpans() {
    }

    public static <T> T process(Tracer tracer, ConsumerRecord<?, ?> record, String spanName, Supplier<T> work) {
        Span span = tracer.spanBuilder(spanName)
                .setParent(TraceContextHeaders.extract(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                .setAttribute("messaging.kafka.partition", (long) record.partition())
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    public static void process(Tracer tracer, ConsumerRecord<?, ?> record, String spanName, Runnable work) {
        process(tracer, record, spanName, () -> {
            work.run();
            return null;
        });
    }
}
