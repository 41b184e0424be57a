package dev.provisioning.agent.testing;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the agents' Quarkus tests that talk to the agent over Kafka: a {@link KafkaProbe} on the broker the test
 * application uses ({@code kafka.bootstrap.servers}), connected before each test and closed after it.
 */
public abstract class AgentKafkaTest {

    protected KafkaProbe kafka;

    @BeforeEach
    void connectProbe() {
        kafka = new KafkaProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterEach
    void closeProbe() {
        kafka.close();
    }
}
