package dev.provisioning.awsagent.service;

import static dev.provisioning.awsagent.client.AwsFailures.run;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.awsagent.client.AwsClients;
import dev.provisioning.awsagent.client.AwsFailures;
import dev.provisioning.contracts.ResourceAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbSubnetGroupStateException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * The DB subnet group of a {@code vpc} resource: one per VPC, named from the VPC's address
 * ({@link AwsIdentity#dbSubnetGroupName}), over the subnets the agent made in it, shared by every database placed in
 * that VPC. Made by the first database that needs it; deleted with the VPC.
 */
@ApplicationScoped
public class DbSubnetGroups {

    private static final Logger LOG = Logger.getLogger(DbSubnetGroups.class);

    private final AwsClients clients;

    public DbSubnetGroups(AwsClients clients) {
        this.clients = clients;
    }

    /** The name of the VPC's group, made (or made again over the current subnets) when missing or stale. */
    public String ensure(ResourceAddress vpcAddress, VpcNetwork network) {
        String name = AwsIdentity.dbSubnetGroupName(vpcAddress);
        RdsClient rds = clients.rds(network.region());
        Optional<DBSubnetGroup> existing = find(rds, name);
        if (existing.isPresent() && existing.get().vpcId().equals(network.vpc().vpcId())) {
            return name;
        }
        if (existing.isPresent()) {
            // Left over from an earlier VPC of the same address: it names subnets that no longer exist.
            LOG.infof("replacing stale DB subnet group name=%s vpcId=%s", name, existing.get().vpcId());
            run("delete DB subnet group", () -> rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName(name)));
        }
        try {
            rds.createDBSubnetGroup(r -> r.dbSubnetGroupName(name)
                    .dbSubnetGroupDescription("Subnets of " + vpcAddress)
                    .subnetIds(network.subnetIds())
                    .tags(Tag.builder().key(AwsIdentity.ADDRESS_TAG).value(vpcAddress.toString()).build(),
                            Tag.builder().key(AwsIdentity.WORKSPACE_TAG).value(vpcAddress.workspace()).build(),
                            Tag.builder().key(AwsIdentity.PART_TAG).value("db-subnet-group").build()));
            LOG.infof("created DB subnet group name=%s vpc=%s", name, vpcAddress);
        } catch (DbSubnetGroupAlreadyExistsException madeMeanwhile) {
            // Another database of the same VPC made it first.
        } catch (RuntimeException e) {
            throw AwsFailures.translated("create DB subnet group", e);
        }
        return name;
    }

    /** Deletes the VPC's group if it has one; AWS refuses while a database still uses it (retryable). */
    public void deleteFor(ResourceAddress vpcAddress, String region) {
        String name = AwsIdentity.dbSubnetGroupName(vpcAddress);
        try {
            clients.rds(region).deleteDBSubnetGroup(r -> r.dbSubnetGroupName(name));
            LOG.infof("deleted DB subnet group name=%s vpc=%s", name, vpcAddress);
        } catch (DbSubnetGroupNotFoundException absent) {
            // No database was ever placed in this VPC.
        } catch (InvalidDbSubnetGroupStateException inUse) {
            throw ProviderException.of("InvalidDBSubnetGroupStateFault", inUse.awsErrorDetails().errorMessage(), true);
        } catch (RuntimeException e) {
            throw AwsFailures.translated("delete DB subnet group", e);
        }
    }

    private static Optional<DBSubnetGroup> find(RdsClient rds, String name) {
        try {
            return rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName(name)).dbSubnetGroups().stream().findFirst();
        } catch (DbSubnetGroupNotFoundException absent) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw AwsFailures.translated("describe DB subnet groups", e);
        }
    }
}
