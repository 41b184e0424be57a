package dev.provisioning.provctl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads Server-Sent Events ({@code text/event-stream}) line by line as they arrive, interpreting the {@code event},
 * {@code data}, {@code id} and {@code retry} fields the way the HTML standard's event stream interpretation does:
 * lines end in CRLF, LF or CR; a line starting with {@code :} is a comment; {@code field: value} loses one space
 * after the colon; a line without a colon is a field with an empty value; a blank line dispatches the event, but only
 * when it has data; the event id carries over to later events until another {@code id} replaces it; an event the
 * stream ends in the middle of is dropped.
 */
final class ServerSentEvents {

    /** One dispatched event: its type ({@code message} unless named), its data lines joined by LF, the last id. */
    record Event(String type, String data, String id) {
    }

    private final BufferedReader reader;
    private boolean atStart = true;
    private String lastEventId = "";
    private Long retryMillis;

    ServerSentEvents(InputStream stream) {
        this.reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    /** The next event, waiting for it as long as the stream stays open; {@code null} once the stream has ended. */
    Event next() throws IOException {
        StringBuilder data = new StringBuilder();
        String type = "";
        String line;
        while ((line = reader.readLine()) != null) {
            if (atStart) {
                atStart = false;
                if (line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
            }
            if (line.isEmpty()) {
                if (data.length() == 0) {
                    type = "";
                    continue;
                }
                data.setLength(data.length() - 1);
                return new Event(type.isEmpty() ? "message" : type, data.toString(), lastEventId);
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> type = value;
                case "data" -> data.append(value).append('\n');
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastEventId = value;
                    }
                }
                case "retry" -> {
                    if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        retryMillis = Long.parseLong(value);
                    }
                }
                default -> {
                    // Unknown fields are ignored.
                }
            }
        }
        return null;
    }

    /** The id of the last event seen (what {@code Last-Event-ID} resumes from); empty when the stream sent none. */
    String lastEventId() {
        return lastEventId;
    }

    /** The reconnection delay the stream asked for with {@code retry}, or {@code null}. */
    Long retryMillis() {
        return retryMillis;
    }
}
