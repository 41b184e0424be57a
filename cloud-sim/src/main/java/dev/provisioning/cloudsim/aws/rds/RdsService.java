package dev.provisioning.cloudsim.aws.rds;

import dev.provisioning.cloudsim.aws.AwsQueryService;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.aws.SigV4Authorization;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.AwsRejection;
import dev.provisioning.cloudsim.state.RdsInstance;
import dev.provisioning.cloudsim.state.RdsStore;
import dev.provisioning.cloudsim.state.RdsSubnetGroup;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon RDS (API version 2014-10-31) for PostgreSQL: DB instances, read replicas and their promotion, DB subnet
 * groups and tags. The region is the request's signing region. Answers use the query protocol's {@code <XxxResult>}
 * wrapper; a master password is accepted and kept but never returned.
 */
public final class RdsService implements AwsQueryService {

    private final RdsStore store;
    private final RdsNetworkActions network;
    private final Clock clock;

    public RdsService(RdsStore store) {
        this(store, Clock.systemUTC());
    }

    RdsService(RdsStore store, Clock clock) {
        this.store = store;
        this.network = new RdsNetworkActions(store);
        this.clock = clock;
    }

    @Override
    public String signingName() {
        return "rds";
    }

    @Override
    public String namespace() {
        return RdsCall.NAMESPACE;
    }

    @Override
    public SimResponse handle(String action, Map<String, String> params, SigV4Authorization caller, String requestId) {
        RdsCall call = new RdsCall(params, caller.region(), requestId);
        try {
            return switch (action) {
                case "CreateDBInstance" -> createInstance(call);
                case "CreateDBInstanceReadReplica" -> createReplica(call);
                case "DescribeDBInstances" -> describeInstances(call);
                case "DeleteDBInstance" -> deleteInstance(call);
                case "PromoteReadReplica" -> promote(call);
                case "CreateDBSubnetGroup" -> network.createSubnetGroup(call);
                case "DescribeDBSubnetGroups" -> network.describeSubnetGroups(call);
                case "DeleteDBSubnetGroup" -> network.deleteSubnetGroup(call);
                case "ListTagsForResource" -> network.listTags(call);
                case "AddTagsToResource" -> network.addTags(call);
                case "RemoveTagsFromResource" -> network.removeTags(call);
                default -> throw new RejectedAwsRequest(400, "InvalidAction", "Could not find operation " + action
                        + " for version 2014-10-31");
            };
        } catch (AwsRejection rejected) {
            throw new RejectedAwsRequest(rejected.status(), rejected.code(), rejected.getMessage());
        }
    }

    private SimResponse createInstance(RdsCall call) {
        String identifier = RdsCatalog.identifier(call.required("DBInstanceIdentifier").toLowerCase(Locale.ROOT),
                "DBInstanceIdentifier");
        String engine = RdsCatalog.engine(call.required("Engine"));
        String version = call.optional("EngineVersion").map(RdsCatalog::engineVersion)
                .orElseGet(RdsCatalog::defaultEngineVersion);
        String instanceClass = RdsCatalog.instanceClass(call.required("DBInstanceClass"), version);
        int storage = RdsCatalog.allocatedStorage(call.optionalInt("AllocatedStorage").orElse(null));
        String username = RdsCatalog.masterUsername(call.optional("MasterUsername").orElseThrow(() ->
                RdsCall.invalidValue("The parameter MasterUsername must be provided and must not be blank.")));
        if (call.flag("ManageMasterUserPassword")) {
            throw RdsCall.invalidCombination("cloud-sim does not emulate master passwords managed in Secrets Manager");
        }
        String password = RdsCatalog.masterPassword(call.optional("MasterUserPassword").orElseThrow(() ->
                RdsCall.invalidValue("The parameter MasterUserPassword must be provided and must not be blank.")));
        if (call.flag("MultiAZ")) {
            throw RdsCall.invalidCombination("cloud-sim does not emulate Multi-AZ DB instances");
        }
        int port = call.optionalInt("Port").orElse(RdsCatalog.DEFAULT_PORT);
        if (port < 1150 || port > 65_535) {
            throw RdsCall.invalidValue("Invalid port " + port + ": it must be between 1150 and 65535");
        }
        int retention = call.optionalInt("BackupRetentionPeriod").orElse(1);
        if (retention < 0 || retention > 35) {
            throw RdsCall.invalidValue("Invalid backup retention period " + retention + ": it must be 0 to 35 days");
        }
        RdsInstance created = store.createInstance(new RdsStore.InstanceDraft(call.region(), identifier,
                instanceClass, engine, version, storage, username, password, port,
                call.optionalLowerCase("DBSubnetGroupName").orElse(null),
                call.list("VpcSecurityGroupIds", "VpcSecurityGroupId"), retention, call.tags()), clock.instant());
        return call.respond("CreateDBInstance", xml -> write(xml, created));
    }

    private SimResponse createReplica(RdsCall call) {
        String identifier = RdsCatalog.identifier(call.required("DBInstanceIdentifier").toLowerCase(Locale.ROOT),
                "DBInstanceIdentifier");
        String sourceName = call.required("SourceDBInstanceIdentifier");
        if (sourceName.startsWith("arn:") && !sourceName.startsWith("arn:aws:rds:" + call.region() + ":")) {
            throw RdsCall.invalidValue("cloud-sim does not emulate cross-region read replicas: " + sourceName
                    + " is not in " + call.region());
        }
        RdsInstance source = store.instance(call.region(), sourceName);
        String instanceClass = call.optional("DBInstanceClass")
                .map(c -> RdsCatalog.instanceClass(c, source.engineVersion())).orElse(null);
        if (call.flag("MultiAZ")) {
            throw RdsCall.invalidCombination("cloud-sim does not emulate Multi-AZ DB instances");
        }
        RdsInstance created = store.createReplica(new RdsStore.ReplicaDraft(call.region(), identifier,
                source.identifier(), instanceClass, call.optionalLowerCase("DBSubnetGroupName").orElse(null),
                call.list("VpcSecurityGroupIds", "VpcSecurityGroupId"), call.tags()), clock.instant());
        return call.respond("CreateDBInstanceReadReplica", xml -> write(xml, created));
    }

    private SimResponse describeInstances(RdsCall call) {
        Optional<String> identifier = call.optional("DBInstanceIdentifier");
        List<RdsInstance> selected = identifier.isPresent()
                ? List.of(store.instance(call.region(), identifier.get())) : store.instances(call.region());
        for (Map.Entry<String, List<String>> filter : call.filters().entrySet()) {
            List<String> values = filter.getValue();
            selected = switch (filter.getKey()) {
                case "db-instance-id" -> selected.stream().filter(db -> values.contains(db.arn())
                        || values.stream().anyMatch(v -> v.equalsIgnoreCase(db.identifier()))).toList();
                case "engine" -> selected.stream().filter(db -> values.contains(db.engine())).toList();
                case "dbi-resource-id" -> selected.stream().filter(db -> values.contains(db.dbiResourceId())).toList();
                default -> throw RdsCall.invalidValue("Unrecognized filter name: " + filter.getKey());
            };
        }
        RdsPages.Page<RdsInstance> page = RdsPages.page(call, selected, RdsInstance::identifier);
        return call.respond("DescribeDBInstances", xml -> {
            xml.start("DBInstances");
            page.items().forEach(db -> write(xml, db));
            xml.end().optional("Marker", page.nextMarker());
        });
    }

    private SimResponse deleteInstance(RdsCall call) {
        RdsInstance existing = store.instance(call.region(), call.required("DBInstanceIdentifier"));
        boolean skipSnapshot = call.flag("SkipFinalSnapshot");
        boolean finalSnapshot = call.optional("FinalDBSnapshotIdentifier").isPresent();
        if (!existing.isReplica() && !skipSnapshot && !finalSnapshot) {
            throw RdsCall.invalidCombination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is "
                    + "specified.");
        }
        if (skipSnapshot && finalSnapshot) {
            throw RdsCall.invalidCombination("FinalDBSnapshotIdentifier cannot be specified when SkipFinalSnapshot "
                    + "is true.");
        }
        RdsInstance deleting = store.delete(call.region(), existing.identifier());
        return call.respond("DeleteDBInstance", xml -> write(xml, deleting));
    }

    private SimResponse promote(RdsCall call) {
        RdsInstance promoting = store.promote(call.region(), call.required("DBInstanceIdentifier"));
        return call.respond("PromoteReadReplica", xml -> write(xml, promoting));
    }

    private void write(XmlWriter xml, RdsInstance db) {
        RdsSubnetGroup group = null;
        if (db.subnetGroupName() != null) {
            try {
                group = store.subnetGroup(db.region(), db.subnetGroupName());
            } catch (AwsRejection gone) {
                // A subnet group cannot be deleted while an instance uses it; nothing to show if it somehow is.
            }
        }
        RdsXml.instance(xml, db, group, store.replicasOf(db));
    }
}
