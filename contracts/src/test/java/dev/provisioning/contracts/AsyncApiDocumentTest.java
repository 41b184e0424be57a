package dev.provisioning.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.contracts.cloudevents.MessageType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document under docs/events stays true to the message records: every type, valid examples. */
class AsyncApiDocumentTest {

    @Test
    void documentsEveryMessageTypeWithAnExampleThatDecodes() throws Exception {
        Path document = Path.of("..", "docs", "events", "asyncapi.yaml");
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(document));
        Set<MessageType> documented = EnumSet.noneOf(MessageType.class);
        for (JsonNode message : root.path("components").path("messages")) {
            String name = message.path("name").asText();
            MessageType type = MessageType.ofCeType(name)
                    .orElseThrow(() -> new AssertionError("documented type " + name + " is not a MessageType"));
            documented.add(type);
            JsonNode examples = message.path("examples");
            assertFalse(examples.isEmpty(), name + " has no example");
            for (JsonNode example : examples) {
                Object decoded = JsonMapping.mapper().treeToValue(example.path("payload"), type.javaType());
                assertTrue(type.javaType().isInstance(decoded));
                if (example.has("headers") && example.path("headers").has("ce_type")) {
                    assertEquals(name, example.path("headers").path("ce_type").asText());
                }
            }
        }
        assertEquals(EnumSet.allOf(MessageType.class), documented);
    }
}
