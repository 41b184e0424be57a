package dev.provisioning.cloudsim.aws.rds;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.state.RdsStore;
import dev.provisioning.cloudsim.state.RdsSubnetGroup;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The RDS actions around instances: DB subnet groups (over EC2 subnets) and tags by ARN. */
final class RdsNetworkActions {

    private final RdsStore store;

    RdsNetworkActions(RdsStore store) {
        this.store = store;
    }

    SimResponse createSubnetGroup(RdsCall call) {
        String name = RdsCatalog.subnetGroupName(call.required("DBSubnetGroupName").toLowerCase(Locale.ROOT));
        String description = call.required("DBSubnetGroupDescription");
        List<String> subnetIds = call.list("SubnetIds", "SubnetIdentifier");
        if (subnetIds.isEmpty()) {
            throw RdsCall.invalidValue("At least one subnet must be given in SubnetIds");
        }
        RdsSubnetGroup group = store.createSubnetGroup(call.region(), name, description, subnetIds, call.tags());
        return call.respond("CreateDBSubnetGroup", xml -> RdsXml.subnetGroup(xml, "DBSubnetGroup", group));
    }

    SimResponse describeSubnetGroups(RdsCall call) {
        Optional<String> name = call.optional("DBSubnetGroupName");
        List<RdsSubnetGroup> selected = name.isPresent() ? List.of(store.subnetGroup(call.region(), name.get()))
                : store.subnetGroups(call.region());
        RdsPages.Page<RdsSubnetGroup> page = RdsPages.page(call, selected, RdsSubnetGroup::name);
        return call.respond("DescribeDBSubnetGroups", xml -> {
            xml.start("DBSubnetGroups");
            page.items().forEach(group -> RdsXml.subnetGroup(xml, "DBSubnetGroup", group));
            xml.end().optional("Marker", page.nextMarker());
        });
    }

    SimResponse deleteSubnetGroup(RdsCall call) {
        store.deleteSubnetGroup(call.region(), call.required("DBSubnetGroupName"));
        return call.respondEmpty("DeleteDBSubnetGroup");
    }

    SimResponse listTags(RdsCall call) {
        Map<String, String> tags = store.tagsOf(call.region(), call.required("ResourceName"));
        return call.respond("ListTagsForResource", xml -> RdsXml.tagList(xml, tags));
    }

    SimResponse addTags(RdsCall call) {
        String arn = call.required("ResourceName");
        Map<String, String> tags = call.tags();
        if (tags.isEmpty()) {
            throw new RejectedAwsRequest(400, "MissingParameter",
                    "The request must contain the parameter Tags");
        }
        store.addTags(call.region(), arn, tags);
        return call.respondEmpty("AddTagsToResource");
    }

    SimResponse removeTags(RdsCall call) {
        store.removeTags(call.region(), call.required("ResourceName"), call.list("TagKeys", "member"));
        return call.respondEmpty("RemoveTagsFromResource");
    }
}
