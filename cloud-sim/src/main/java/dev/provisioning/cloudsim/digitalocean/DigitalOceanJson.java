package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.cloudsim.state.DropletAction;
import java.time.Instant;
import java.util.List;

/** Renders simulated resources in DigitalOcean's snake_case JSON shapes. */
final class DigitalOceanJson {

    private final DigitalOceanCatalog catalog;

    DigitalOceanJson(DigitalOceanCatalog catalog) {
        this.catalog = catalog;
    }

    ObjectNode droplet(Droplet droplet) {
        DigitalOceanCatalog.Size size = catalog.size(droplet.sizeSlug()).orElseThrow();
        ObjectNode json = SimJson.object();
        json.put("id", droplet.id());
        json.put("name", droplet.name());
        json.put("memory", size.memoryMb());
        json.put("vcpus", size.vcpus());
        json.put("disk", size.diskGb());
        json.set("disk_info", diskInfo(size));
        json.put("locked", false);
        json.put("status", droplet.status().wireName());
        json.putNull("kernel");
        json.put("created_at", timestamp(droplet.createdAt()));
        ArrayNode features = json.putArray("features");
        features.add("droplet_agent");
        features.add("private_networking");
        if (droplet.backups()) {
            features.add("backups");
        }
        if (droplet.ipv6() != null) {
            features.add("ipv6");
        }
        if (droplet.monitoring()) {
            features.add("monitoring");
        }
        json.putArray("backup_ids");
        json.putNull("next_backup_window");
        json.putArray("snapshot_ids");
        json.set("image", image(catalog.image(droplet.image()).orElseThrow()));
        json.putArray("volume_ids");
        json.set("size", size(size));
        json.put("size_slug", size.slug());
        json.set("networks", networks(droplet));
        json.set("region", region(catalog.region(droplet.region()).orElseThrow()));
        ArrayNode tags = json.putArray("tags");
        droplet.tags().forEach(tags::add);
        json.put("vpc_uuid", droplet.vpcUuid());
        return json;
    }

    ObjectNode size(DigitalOceanCatalog.Size size) {
        ObjectNode json = SimJson.object();
        json.put("slug", size.slug());
        json.put("memory", size.memoryMb());
        json.put("vcpus", size.vcpus());
        json.put("disk", size.diskGb());
        json.put("transfer", size.transferTb());
        json.put("price_monthly", size.priceMonthly());
        json.put("price_hourly", size.priceHourly());
        ArrayNode regions = json.putArray("regions");
        size.regions().forEach(regions::add);
        json.put("available", !size.regions().isEmpty());
        json.put("description", size.description());
        json.set("disk_info", diskInfo(size));
        return json;
    }

    ObjectNode region(DigitalOceanCatalog.Region region) {
        ObjectNode json = SimJson.object();
        json.put("name", region.name());
        json.put("slug", region.slug());
        ArrayNode features = json.putArray("features");
        DigitalOceanCatalog.REGION_FEATURES.forEach(features::add);
        json.put("available", region.available());
        ArrayNode sizes = json.putArray("sizes");
        if (region.available()) {
            catalog.sizesIn(region).forEach(sizes::add);
        }
        return json;
    }

    ObjectNode image(DigitalOceanCatalog.Image image) {
        ObjectNode json = SimJson.object();
        json.put("id", image.id());
        json.put("name", image.name());
        json.put("distribution", image.distribution());
        json.put("slug", image.slug());
        json.put("public", true);
        ArrayNode regions = json.putArray("regions");
        catalog.regions().stream().filter(DigitalOceanCatalog.Region::available)
                .forEach(region -> regions.add(region.slug()));
        json.put("created_at", timestamp(image.createdAt()));
        json.put("min_disk_size", image.minDiskSize());
        json.put("type", "base");
        json.put("size_gigabytes", image.sizeGigabytes());
        json.put("description", image.distribution() + " " + image.name());
        json.putArray("tags");
        json.put("status", "available");
        json.put("error_message", "");
        return json;
    }

    ObjectNode action(DropletAction action) {
        ObjectNode json = SimJson.object();
        json.put("id", action.id());
        json.put("status", action.status());
        json.put("type", action.type());
        json.put("started_at", timestamp(action.startedAt()));
        if (action.completedAt() == null) {
            json.putNull("completed_at");
        } else {
            json.put("completed_at", timestamp(action.completedAt()));
        }
        json.put("resource_id", action.resourceId());
        json.put("resource_type", action.resourceType());
        catalog.region(action.regionSlug()).ifPresent(region -> json.set("region", region(region)));
        json.put("region_slug", action.regionSlug());
        return json;
    }

    /** The {@code links.actions} entry pointing clients at an action to poll. */
    ObjectNode actionLink(DropletAction action, String baseUrl) {
        ObjectNode json = SimJson.object();
        json.put("id", action.id());
        json.put("rel", action.type());
        json.put("href", baseUrl + "/v2/actions/" + action.id());
        return json;
    }

    private ObjectNode networks(Droplet droplet) {
        ObjectNode networks = SimJson.object();
        ArrayNode v4 = networks.putArray("v4");
        v4.add(network(droplet.ipv4(), "255.255.255.0", networkPart(droplet.ipv4()) + ".1", "public"));
        String privatePrefix = droplet.privateIpv4().substring(0, nthDot(droplet.privateIpv4(), 2));
        v4.add(network(droplet.privateIpv4(), "255.255.240.0", privatePrefix + ".0.1", "private"));
        ArrayNode v6 = networks.putArray("v6");
        if (droplet.ipv6() != null) {
            ObjectNode address = SimJson.object();
            address.put("ip_address", droplet.ipv6());
            address.put("netmask", 64);
            address.put("gateway", droplet.ipv6().replace("::1", "::"));
            address.put("type", "public");
            v6.add(address);
        }
        return networks;
    }

    private static ObjectNode network(String address, String netmask, String gateway, String type) {
        ObjectNode json = SimJson.object();
        json.put("ip_address", address);
        json.put("netmask", netmask);
        json.put("gateway", gateway);
        json.put("type", type);
        return json;
    }

    private static ArrayNode diskInfo(DigitalOceanCatalog.Size size) {
        ArrayNode info = SimJson.array();
        ObjectNode local = info.addObject();
        local.put("type", "local");
        local.putObject("size").put("amount", size.diskGb()).put("unit", "gib");
        return info;
    }

    private static String networkPart(String ipv4) {
        return ipv4.substring(0, ipv4.lastIndexOf('.'));
    }

    private static int nthDot(String text, int n) {
        int index = -1;
        for (int i = 0; i < n; i++) {
            index = text.indexOf('.', index + 1);
        }
        return index;
    }

    /** DigitalOcean timestamps carry whole seconds only. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = SimJson.array();
        items.forEach(array::add);
        return array;
    }
}
