package dev.provisioning.awsagent.service;

import dev.provisioning.agent.config.AgentConfig;
import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.awsagent.client.AwsClients;
import dev.provisioning.awsagent.client.AwsFailures;
import dev.provisioning.contracts.ResourceAddress;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.Endpoint;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS PostgreSQL instances ({@code <workspace>/<region>/rds-instance/<name>}, see {@link RdsSpec}). The
 * {@code DBInstanceIdentifier} is derived from the address ({@link AwsIdentity#dbInstanceIdentifier}) and the instance
 * carries the address tag, which is how it is found again. A replica of an {@code rds-instance} the agent finds in
 * the same region is an RDS read replica of it; a replica of any other database (another provider's) is a standalone
 * instance tagged as its replica, which db-replication-service later attaches to that primary. Ready once
 * {@code available}. The generated master password goes into the create request and nowhere else.
 */
@ApplicationScoped
public class RdsInstanceReconciler implements ResourceKindReconciler<RegionalDbInstance> {

    static final String KIND = "rds-instance";
    /** The master user of every primary; replicas of RDS primaries inherit theirs. */
    static final String MASTER_USERNAME = "provadmin";
    private static final Logger LOG = Logger.getLogger(RdsInstanceReconciler.class);

    private final AwsClients clients;
    private final VpcReconciler vpcs;
    private final DbSubnetGroups subnetGroups;
    private final AgentConfig.Readiness readiness;

    public RdsInstanceReconciler(AwsClients clients, VpcReconciler vpcs, DbSubnetGroups subnetGroups,
                                 AgentConfig agent) {
        this.clients = clients;
        this.vpcs = vpcs;
        this.subnetGroups = subnetGroups;
        this.readiness = agent.readiness();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void validate(DesiredResource desired) {
        RdsSpec.of(desired);
    }

    @Override
    @WithSpan("observe rds-instance")
    public Optional<RegionalDbInstance> observe(ResourceAddress address, String providerRegion) {
        String identifier = AwsIdentity.dbInstanceIdentifier(address);
        Optional<RegionalDbInstance> found = find(providerRegion, identifier);
        if (found.isPresent() && !found.get().tag(AwsIdentity.ADDRESS_TAG).orElse("").equals(address.toString())) {
            throw ProviderException.of("identifier_taken", "the RDS instance " + identifier + " in " + providerRegion
                    + " is not tagged " + AwsIdentity.ADDRESS_TAG + "=" + address + "; the agent leaves it alone",
                    false);
        }
        return found;
    }

    private Optional<RegionalDbInstance> find(String region, String identifier) {
        try {
            return clients.rds(region).describeDBInstances(r -> r.dbInstanceIdentifier(identifier)).dbInstances()
                    .stream().findFirst().map(db -> new RegionalDbInstance(region, db));
        } catch (DbInstanceNotFoundException absent) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw AwsFailures.translated("describe DB instance", e);
        }
    }

    @Override
    @WithSpan("create rds-instance")
    public RegionalDbInstance create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<RegionalDbInstance> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        RdsSpec spec = RdsSpec.of(desired);
        String region = desired.providerRegion();
        String subnetGroup = spec.vpc().map(vpc -> subnetGroupIn(desired, vpc)).orElse(null);
        Optional<RegionalDbInstance> rdsPrimary = spec.role() == RdsSpec.Role.REPLICA
                ? rdsPrimary(desired, spec.primary().orElseThrow()) : Optional.empty();
        try {
            DBInstance created = rdsPrimary.isPresent()
                    ? createReadReplica(desired, spec, subnetGroup, rdsPrimary.get())
                    : createStandalone(desired, spec, subnetGroup);
            LOG.infof("creating RDS instance address=%s identifier=%s role=%s replicaOf=%s readReplicaOf=%s",
                    desired.address(), created.dbInstanceIdentifier(), spec.role().tagValue(),
                    spec.primary().map(Object::toString).orElse("-"),
                    rdsPrimary.map(RegionalDbInstance::identifier).orElse("-"));
            return new RegionalDbInstance(region, created);
        } catch (DbInstanceAlreadyExistsException raced) {
            return observe(desired.address(), region).orElseThrow(() -> ProviderException.of(
                    "DBInstanceAlreadyExists", "the identifier " + AwsIdentity.dbInstanceIdentifier(desired.address())
                            + " is taken but its instance cannot be seen yet", true));
        }
    }

    private DBInstance createStandalone(DesiredResource desired, RdsSpec spec, String subnetGroup) {
        String password = MasterPasswords.generate();
        return sdk("create DB instance", () -> clients.rds(desired.providerRegion()).createDBInstance(r -> r
                .dbInstanceIdentifier(AwsIdentity.dbInstanceIdentifier(desired.address()))
                .dbInstanceClass(spec.instanceClass())
                .engine(spec.engine())
                .engineVersion(spec.engineVersion())
                .allocatedStorage(spec.allocatedStorage())
                .masterUsername(MASTER_USERNAME)
                .masterUserPassword(password)
                .dbSubnetGroupName(subnetGroup)
                .tags(tags(desired.address(), spec))).dbInstance());
    }

    private DBInstance createReadReplica(DesiredResource desired, RdsSpec spec, String subnetGroup,
                                         RegionalDbInstance source) {
        return sdk("create DB instance read replica", () -> clients.rds(desired.providerRegion())
                .createDBInstanceReadReplica(r -> r
                        .dbInstanceIdentifier(AwsIdentity.dbInstanceIdentifier(desired.address()))
                        .sourceDBInstanceIdentifier(source.identifier())
                        .dbInstanceClass(spec.instanceClass())
                        .dbSubnetGroupName(subnetGroup)
                        .tags(tags(desired.address(), spec))).dbInstance());
    }

    /**
     * The primary as an RDS instance of this region, when it is one. An {@code rds-instance} of the same workspace
     * region must be there (the planner makes it ready first), else the reference is not satisfied yet; one of
     * another workspace region may live in another AWS region, and is then treated like any external primary.
     */
    private Optional<RegionalDbInstance> rdsPrimary(DesiredResource desired, ResourceAddress primary) {
        if (!primary.kind().equals(KIND)) {
            return Optional.empty();
        }
        Optional<RegionalDbInstance> found = observe(primary, desired.providerRegion());
        if (found.isEmpty() && primary.region().equals(desired.address().region())) {
            throw References.missing(desired, primary);
        }
        return found;
    }

    private String subnetGroupIn(DesiredResource desired, ResourceAddress vpcAddress) {
        VpcNetwork network = vpcs.lookup(vpcAddress, desired.providerRegion())
                .filter(n -> n.subnets().size() >= 2)
                .orElseThrow(() -> References.missing(desired, vpcAddress));
        return subnetGroups.ensure(vpcAddress, network);
    }

    private static List<Tag> tags(ResourceAddress address, RdsSpec spec) {
        List<Tag> tags = new ArrayList<>(List.of(
                Tag.builder().key(AwsIdentity.ADDRESS_TAG).value(address.toString()).build(),
                Tag.builder().key(AwsIdentity.WORKSPACE_TAG).value(address.workspace()).build(),
                Tag.builder().key(AwsIdentity.NAME_TAG).value(address.name()).build(),
                Tag.builder().key(AwsIdentity.ROLE_TAG).value(spec.role().tagValue()).build()));
        spec.primary().ifPresent(primary -> tags.add(Tag.builder().key(AwsIdentity.REPLICA_OF_TAG)
                .value(primary.toString()).build()));
        return tags;
    }

    /**
     * An instance being deleted is waited out and made anew; a different role or instance class is not applied to
     * an existing instance.
     */
    @Override
    public boolean isUpToDate(RegionalDbInstance observed, DesiredResource desired) {
        if (observed.status().equals("deleting")) {
            return false;
        }
        RdsSpec spec = RdsSpec.of(desired);
        String role = observed.tag(AwsIdentity.ROLE_TAG).orElse(RdsSpec.Role.PRIMARY.tagValue());
        return role.equals(spec.role().tagValue())
                && observed.instance().dbInstanceClass().equals(spec.instanceClass());
    }

    @Override
    @WithSpan("update rds-instance")
    public RegionalDbInstance update(RegionalDbInstance observed, DesiredResource desired) {
        if (observed.status().equals("deleting")) {
            LOG.infof("waiting for the previous instance to go address=%s identifier=%s", desired.address(),
                    observed.identifier());
            awaitGone(observed);
            return create(desired);
        }
        RdsSpec spec = RdsSpec.of(desired);
        throw ProviderException.of("unsupported_change", "rds-instance " + desired.address() + " exists as "
                + observed.tag(AwsIdentity.ROLE_TAG).orElse("primary") + " " + observed.instance().dbInstanceClass()
                + "; the agent does not change the role or instance class of an existing instance (asked: "
                + spec.role().tagValue() + " " + spec.instanceClass() + ")", false);
    }

    @Override
    @WithSpan("delete rds-instance")
    public void delete(RegionalDbInstance observed) {
        if (observed.status().equals("deleting")) {
            return;
        }
        try {
            clients.rds(observed.region()).deleteDBInstance(r -> r.dbInstanceIdentifier(observed.identifier())
                    .skipFinalSnapshot(true).deleteAutomatedBackups(true));
        } catch (DbInstanceNotFoundException alreadyGone) {
            // Nothing left to delete.
        } catch (InvalidDbInstanceStateException busy) {
            throw ProviderException.of("InvalidDBInstanceState", busy.awsErrorDetails().errorMessage(), true);
        } catch (RuntimeException e) {
            throw AwsFailures.translated("delete DB instance", e);
        }
    }

    @Override
    public boolean isReady(RegionalDbInstance observed) {
        return observed.status().equals("available");
    }

    @Override
    public String status(RegionalDbInstance observed) {
        return observed.status();
    }

    @Override
    public String providerId(RegionalDbInstance observed) {
        return observed.instance().dbInstanceArn();
    }

    @Override
    public ReadyResource describe(RegionalDbInstance ready, DesiredResource desired) {
        Endpoint endpoint = ready.instance().endpoint();
        if (endpoint == null || endpoint.address() == null || endpoint.port() == null) {
            throw ProviderException.of("no_endpoint", "rds-instance " + desired.address()
                    + " is available but RDS reports no endpoint yet", true);
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("host", endpoint.address());
        addresses.put("port", String.valueOf(endpoint.port()));
        String instanceClass = ready.instance().dbInstanceClass();
        return new ReadyResource(ready.instance().dbInstanceArn(), addresses, instanceClass,
                "aws:rds:" + instanceClass + ":" + ready.region());
    }

    /** Runs a create call; an instance in the wrong state (e.g. a source still being modified) may come right. */
    private static DBInstance sdk(String operation, Supplier<DBInstance> create) {
        try {
            return create.get();
        } catch (DbInstanceAlreadyExistsException raced) {
            throw raced;
        } catch (InvalidDbInstanceStateException busy) {
            throw ProviderException.of("InvalidDBInstanceState", busy.awsErrorDetails().errorMessage(), true);
        } catch (RuntimeException e) {
            throw AwsFailures.translated(operation, e);
        }
    }

    private void awaitGone(RegionalDbInstance deleting) {
        Instant deadline = Instant.now().plus(readiness.timeout());
        Duration wait = readiness.initialPollInterval();
        while (find(deleting.region(), deleting.identifier()).isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                throw ProviderException.timeout("RDS instance " + deleting.identifier() + " was still being deleted "
                        + "after " + readiness.timeout());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderException.of("interrupted", "interrupted while waiting for " + deleting.identifier(),
                        true);
            }
            wait = Duration.ofMillis(Math.min((long) (wait.toMillis() * readiness.multiplier()),
                    readiness.maxPollInterval().toMillis()));
        }
    }
}
