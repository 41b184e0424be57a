package dev.provisioning.hetzneragent;

import dev.provisioning.agent.testing.AgentContractTest;
import dev.provisioning.contracts.Provider;
import dev.provisioning.deploy.testing.CloudSimTestResource;
import dev.provisioning.deploy.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Health, unsupported kinds and dead-lettering, as every agent must do them. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(CloudSimTestResource.class)
class HetznerAgentTest extends AgentContractTest {

    @Override
    protected Provider provider() {
        return Provider.HETZNER;
    }

    @Override
    protected String supportedKinds() {
        return "database-replica, load-balancer, network, server, volume";
    }

    @Override
    protected String providerRegion() {
        return "nbg1";
    }
}
