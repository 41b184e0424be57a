package dev.provisioning.contracts.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Carries the W3C trace context ({@code traceparent}, {@code tracestate}) in Kafka record headers. */
public final class TraceContextHeaders {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header h : headers) {
                keys.add(h.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header h = headers.lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceContextHeaders() {
    }

    /** Writes the trace context into the headers; writes nothing when the context has no valid span. */
    public static void inject(Context context, Headers headers) {
        W3CTraceContextPropagator.getInstance().inject(context, headers, SETTER);
    }

    /** The trace context the headers carry, as the parent for a consumer span; root context when absent. */
    public static Context extract(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
    }

    /** Parses a stored {@code traceparent} value into a context, for replaying a message outside its request. */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent,
                new TextMapGetter<>() {
                    @Override
                    public Iterable<String> keys(String carrier) {
                        return List.of(TRACEPARENT);
                    }

                    @Override
                    public String get(String carrier, String key) {
                        return TRACEPARENT.equals(key) ? carrier : null;
                    }
                });
    }

    /** The {@code traceparent} value of a context, or null when it has no valid span. */
    public static String traceparentOf(Context context) {
        String[] holder = new String[1];
        W3CTraceContextPropagator.getInstance().inject(context, holder, (carrier, key, value) -> {
            if (TRACEPARENT.equals(key) && carrier != null) {
                carrier[0] = value;
            }
        });
        return holder[0];
    }
}
