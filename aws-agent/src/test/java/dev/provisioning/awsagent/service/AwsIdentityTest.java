package dev.provisioning.awsagent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.ResourceAddress;
import org.junit.jupiter.api.Test;

/** Names derived from addresses satisfy the provider's rules and differ per address. */
class AwsIdentityTest {

    /** RDS: 1 to 63 letters, digits and single hyphens, starting with a letter, not ending with a hyphen. */
    static final String RDS_IDENTIFIER = "[a-z](?:-?[a-z0-9])*";

    @Test
    void dbInstanceIdentifiersFollowRdsRulesWhateverTheName() {
        for (String name : new String[] {"asia-db-replica", "1st.db", "db_with__underscores", "x",
                "a-very-long-database-name-that-goes-on-and-on-well-past-sixty-three-characters-in-all"}) {
            String identifier = AwsIdentity.dbInstanceIdentifier(new ResourceAddress("shop", "asia", "rds-instance",
                    name));
            assertTrue(identifier.matches(RDS_IDENTIFIER), identifier);
            assertTrue(identifier.length() <= 63, identifier);
        }
        assertTrue(AwsIdentity.dbInstanceIdentifier(new ResourceAddress("shop", "asia", "rds-instance", "1st.db"))
                .startsWith("db-1st-db-"));
    }

    @Test
    void theSameNameInAnotherWorkspaceOrRegionGetsAnotherIdentifier() {
        ResourceAddress one = new ResourceAddress("shop", "asia", "rds-instance", "orders");
        assertEquals(AwsIdentity.dbInstanceIdentifier(one), AwsIdentity.dbInstanceIdentifier(
                ResourceAddress.parse("shop/asia/rds-instance/orders")));
        assertNotEquals(AwsIdentity.dbInstanceIdentifier(one), AwsIdentity.dbInstanceIdentifier(
                new ResourceAddress("shop", "eu", "rds-instance", "orders")));
        assertNotEquals(AwsIdentity.dbInstanceIdentifier(one), AwsIdentity.dbInstanceIdentifier(
                new ResourceAddress("blog", "asia", "rds-instance", "orders")));
        assertTrue(AwsIdentity.dbSubnetGroupName(new ResourceAddress("shop", "asia", "vpc", "asia-vpc"))
                .matches("prov-asia-vpc-[0-9a-f]{10}"));
    }
}
