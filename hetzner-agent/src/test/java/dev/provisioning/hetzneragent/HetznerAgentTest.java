package dev.provisioning.hetzneragent;

import dev.provisioning.agent.testing.AgentContractTest;
import dev.provisioning.contracts.Provider;
import dev.provisioning.deploy.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The agent joins its consumer group, reports ready, and answers every kind as unsupported until kinds are added. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class HetznerAgentTest extends AgentContractTest {

    @Override
    protected Provider provider() {
        return Provider.HETZNER;
    }

    @Override
    protected String supportedKinds() {
        return "none yet";
    }

    @Override
    protected String providerRegion() {
        return "nbg1";
    }
}
