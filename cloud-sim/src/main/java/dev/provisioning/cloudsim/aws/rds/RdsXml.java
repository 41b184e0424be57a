package dev.provisioning.cloudsim.aws.rds;

import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.RdsInstance;
import dev.provisioning.cloudsim.state.RdsSubnetGroup;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * RDS resources as the query protocol writes them: UpperCamel names and lists whose entries are named after their
 * type ({@code <DBInstance>}, {@code <Tag>}, {@code <Subnet>}), never {@code <member>}. The master password is never
 * written.
 */
final class RdsXml {

    private RdsXml() {
    }

    static void instance(XmlWriter xml, RdsInstance db, RdsSubnetGroup subnetGroup, List<String> replicas) {
        xml.start("DBInstance")
                .element("DBInstanceIdentifier", db.identifier())
                .element("DBInstanceClass", db.instanceClass())
                .element("Engine", db.engine())
                .element("DBInstanceStatus", db.status())
                .element("MasterUsername", db.masterUsername());
        if (db.hasEndpoint()) {
            xml.start("Endpoint")
                    .element("Address", db.endpointAddress())
                    .element("Port", db.port())
                    .element("HostedZoneId", db.hostedZoneId())
                    .end()
                    .element("InstanceCreateTime", DateTimeFormatter.ISO_INSTANT.format(db.createdTime()));
        }
        xml.element("AllocatedStorage", db.allocatedStorage())
                .element("PreferredBackupWindow", "03:00-03:30")
                .element("BackupRetentionPeriod", db.backupRetentionPeriod())
                .start("DBSecurityGroups").end()
                .start("VpcSecurityGroups");
        db.vpcSecurityGroupIds().forEach(id -> xml.start("VpcSecurityGroupMembership")
                .element("VpcSecurityGroupId", id).element("Status", "active").end());
        xml.end()
                .start("DBParameterGroups").start("DBParameterGroup")
                .element("DBParameterGroupName", "default.postgres" + db.engineVersion().split("\\.")[0])
                .element("ParameterApplyStatus", "in-sync").end().end()
                .element("AvailabilityZone", db.availabilityZone());
        if (subnetGroup != null) {
            subnetGroup(xml, "DBSubnetGroup", subnetGroup);
        }
        xml.element("PreferredMaintenanceWindow", "sun:05:00-sun:05:30")
                .start("PendingModifiedValues").end()
                .element("MultiAZ", false)
                .element("EngineVersion", db.engineVersion())
                .element("AutoMinorVersionUpgrade", true)
                .optional("ReadReplicaSourceDBInstanceIdentifier", db.readReplicaSource())
                .start("ReadReplicaDBInstanceIdentifiers");
        replicas.forEach(id -> xml.element("ReadReplicaDBInstanceIdentifier", id));
        xml.end()
                .element("LicenseModel", "postgresql-license")
                .element("PubliclyAccessible", false)
                .element("StorageType", "gp2")
                .element("DbInstancePort", 0)
                .element("StorageEncrypted", false)
                .element("DbiResourceId", db.dbiResourceId())
                .element("CACertificateIdentifier", "rds-ca-rsa2048-g1")
                .element("CopyTagsToSnapshot", false)
                .element("MonitoringInterval", 0)
                .element("DBInstanceArn", db.arn())
                .element("IAMDatabaseAuthenticationEnabled", false)
                .element("PerformanceInsightsEnabled", false)
                .element("DeletionProtection", false);
        tagList(xml, db.tags());
        xml.element("NetworkType", "IPV4").end();
    }

    /** A subnet group as {@code element} ({@code DBSubnetGroup} inside an instance and in lists). */
    static void subnetGroup(XmlWriter xml, String element, RdsSubnetGroup group) {
        xml.start(element)
                .element("DBSubnetGroupName", group.name())
                .element("DBSubnetGroupDescription", group.description())
                .element("VpcId", group.vpcId())
                .element("SubnetGroupStatus", "Complete")
                .start("Subnets");
        group.subnets().forEach(s -> xml.start("Subnet")
                .element("SubnetIdentifier", s.subnetId())
                .start("SubnetAvailabilityZone").element("Name", s.availabilityZone()).end()
                .element("SubnetStatus", "Active")
                .end());
        xml.end()
                .element("DBSubnetGroupArn", group.arn())
                .start("SupportedNetworkTypes").element("member", "IPV4").end()
                .end();
    }

    static void tagList(XmlWriter xml, Map<String, String> tags) {
        xml.start("TagList");
        tags.forEach((key, value) -> xml.start("Tag").element("Key", key).element("Value", value).end());
        xml.end();
    }
}
