package dev.provisioning.provctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event stream interpretation as the SSE spec describes it. */
class ServerSentEventsTest {

    private static ServerSentEvents of(String text) {
        return new ServerSentEvents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ServerSentEvents.Event> all(ServerSentEvents events) throws IOException {
        List<ServerSentEvents.Event> read = new ArrayList<>();
        for (ServerSentEvents.Event event; (event = events.next()) != null; ) {
            read.add(event);
        }
        return read;
    }

    @Test
    void dataLinesJoinWithLineFeedsAndOneSpaceAfterTheColonIsDropped() throws IOException {
        assertEquals(List.of(new ServerSentEvents.Event("message", "{\"a\":1,\n \"b\":2}", "")),
                all(of("data: {\"a\":1,\ndata:  \"b\":2}\n\n")));
    }

    @Test
    void commentsTypesAndEmptyEventsAsTheSpecSays() throws IOException {
        assertEquals(List.of(
                        new ServerSentEvents.Event("progress", "one", ""),
                        new ServerSentEvents.Event("message", "", ""),
                        new ServerSentEvents.Event("message", "\n", "")),
                all(of(": a comment\n\nevent: progress\ndata:one\n\nevent: ignored without data\n\ndata\n\n"
                        + "data\ndata\n\nunknown: field\n\n")));
    }

    @Test
    void linesMayEndInCrLfOrCrAndALeadingByteOrderMarkIsSkipped() throws IOException {
        assertEquals(List.of(new ServerSentEvents.Event("message", "crlf", ""),
                        new ServerSentEvents.Event("message", "cr", "")),
                all(of("\uFEFFdata: crlf\r\n\r\ndata: cr\r\r")));
    }

    @Test
    void idsCarryOverAndRetryIsReadWhenNumeric() throws IOException {
        ServerSentEvents events = of("retry: 250\nid: 7\ndata: a\n\ndata: b\n\nretry: soon\nid\ndata: c\n\n"
                + "id: 9\ndata: dropped, the stream ends before its blank line\n");
        assertEquals(List.of(new ServerSentEvents.Event("message", "a", "7"),
                new ServerSentEvents.Event("message", "b", "7"),
                new ServerSentEvents.Event("message", "c", "")), all(events));
        assertEquals("9", events.lastEventId());
        assertEquals(250L, events.retryMillis());
        assertNull(events.next());
    }
}
