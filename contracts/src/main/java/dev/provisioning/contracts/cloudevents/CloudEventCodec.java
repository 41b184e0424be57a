package dev.provisioning.contracts.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 in the Kafka binary binding: context attributes as {@code ce_*} headers, JSON data as the value,
 * the W3C {@code traceparent} header alongside, and the Kafka key set to the message's key.
 */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private CloudEventCodec() {
    }

    /** Encodes a message for {@code topic}, carrying the trace context of {@code Context.current()}. */
    public static ProducerRecord<String, String> encode(String topic, String source, ProvisioningMessage message) {
        return new ProducerRecord<>(topic, null, message.key(), data(message), headers(source, message, Context.current()));
    }

    /** The {@code ce_*}, {@code content-type} and trace headers for a message, with a fresh event id. */
    public static Headers headers(String source, ProvisioningMessage message, Context traceContext) {
        return headers(UUID.randomUUID().toString(), source, message, OffsetDateTime.now(ZoneOffset.UTC), traceContext);
    }

    /** The headers with a given event id and time: used where the id must survive a retry (the outbox). */
    public static Headers headers(String eventId, String source, ProvisioningMessage message, OffsetDateTime time,
                                  Context traceContext) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, "ce_specversion", SPEC_VERSION);
        put(headers, "ce_id", eventId);
        put(headers, "ce_source", source);
        put(headers, "ce_type", MessageType.of(message).ceType());
        put(headers, "ce_subject", message.subject());
        put(headers, "ce_time", time.toString());
        put(headers, "content-type", CONTENT_TYPE);
        TraceContextHeaders.inject(traceContext, headers);
        return headers;
    }

    /** The JSON data of a message. */
    public static String data(ProvisioningMessage message) {
        try {
            return JsonMapping.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes a record, checking the CloudEvents attributes, the type and the data against its record type.
     *
     * @throws MalformedMessageException when anything is missing, unknown or does not parse
     */
    public static CloudEvent decode(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = required(headers, "ce_specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new MalformedMessageException("unsupported ce_specversion '" + specVersion + "', expected 1.0");
        }
        String id = required(headers, "ce_id");
        String source = required(headers, "ce_source");
        String typeName = required(headers, "ce_type");
        MessageType type = MessageType.ofCeType(typeName)
                .orElseThrow(() -> new MalformedMessageException("unknown ce_type '" + typeName + "'"));
        OffsetDateTime time = null;
        String timeText = optional(headers, "ce_time");
        if (timeText != null) {
            try {
                time = OffsetDateTime.parse(timeText);
            } catch (DateTimeParseException e) {
                throw new MalformedMessageException("ce_time '" + timeText + "' is not an RFC 3339 timestamp", e);
            }
        }
        if (record.value() == null) {
            throw new MalformedMessageException("event " + id + " of type " + typeName + " has no data");
        }
        ProvisioningMessage data;
        try {
            data = JsonMapping.mapper().readValue(record.value(), type.javaType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedMessageException("data of event " + id + " is not a valid " + type.javaType().getSimpleName()
                    + ": " + rootMessage(e), e);
        }
        return new CloudEvent(id, source, type, optional(headers, "ce_subject"), time, record.key(), data);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null) {
            return t.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedMessageException("header " + name + " is missing: not a CloudEvent in the Kafka binary binding");
        }
        return value;
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
