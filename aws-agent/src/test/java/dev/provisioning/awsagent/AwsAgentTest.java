package dev.provisioning.awsagent;

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
class AwsAgentTest extends AgentContractTest {

    @Override
    protected Provider provider() {
        return Provider.AWS;
    }

    @Override
    protected String supportedKinds() {
        return "alb, ec2-instance, rds-instance, vpc";
    }

    @Override
    protected String providerRegion() {
        return "us-east-1";
    }
}
