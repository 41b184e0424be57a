package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.state.DigitalOceanCertificate;
import dev.provisioning.cloudsim.state.DigitalOceanIpRange;
import dev.provisioning.cloudsim.state.DigitalOceanLoadBalancer;
import dev.provisioning.cloudsim.state.DigitalOceanVpc;
import dev.provisioning.cloudsim.state.Droplet;
import dev.provisioning.cloudsim.state.DropletAction;
import java.time.Instant;
import java.util.List;

/** Renders simulated resources in DigitalOcean's snake_case JSON shapes. */
final class DigitalOceanJson {

    private final DigitalOceanCatalog catalog;
    private final VpcDirectory vpcs;

    DigitalOceanJson(DigitalOceanCatalog catalog, VpcDirectory vpcs) {
        this.catalog = catalog;
        this.vpcs = vpcs;
    }

    ObjectNode droplet(Droplet droplet) {
        DigitalOceanCatalog.Size size = catalog.size(droplet.sizeSlug()).orElseThrow();
        ObjectNode json = SimJson.object();
        json.put("id", droplet.id());
        json.put("name", droplet.name());
        json.put("memory", size.memoryMb());
        json.put("vcpus", size.vcpus());
        json.put("disk", droplet.diskGb());
        json.set("disk_info", diskInfo(droplet.diskGb()));
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
        json.set("disk_info", diskInfo(size.diskGb()));
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

    ObjectNode vpc(DigitalOceanVpc vpc) {
        ObjectNode json = SimJson.object();
        json.put("id", vpc.id());
        json.put("urn", vpc.urn());
        json.put("name", vpc.name());
        json.put("description", vpc.description());
        json.put("region", vpc.region());
        json.put("ip_range", vpc.ipRange().toString());
        json.put("default", vpc.defaultVpc());
        json.put("created_at", timestamp(vpc.createdAt()));
        return json;
    }

    /** An entry of {@code GET /v2/vpcs/{id}/members}. */
    static ObjectNode member(String urn, String name, Instant createdAt) {
        ObjectNode json = SimJson.object();
        json.put("urn", urn);
        json.put("name", name);
        json.put("created_at", timestamp(createdAt));
        return json;
    }

    /**
     * @param dropletIds the targets still existing; DigitalOcean drops deleted droplets from its load balancers
     */
    ObjectNode loadBalancer(DigitalOceanLoadBalancer lb, List<Integer> dropletIds) {
        ObjectNode json = SimJson.object();
        json.put("id", lb.id());
        json.put("name", lb.name());
        json.put("ip", lb.ip() == null ? "" : lb.ip());
        json.put("size_unit", lb.sizeUnit());
        if (lb.sizeSlug() != null) {
            json.put("size", lb.sizeSlug());
        }
        json.put("type", "REGIONAL");
        json.put("algorithm", "round_robin");
        json.put("status", lb.status().wireName());
        json.put("created_at", timestamp(lb.createdAt()));
        ArrayNode rules = json.putArray("forwarding_rules");
        for (DigitalOceanLoadBalancer.ForwardingRule rule : lb.forwardingRules()) {
            ObjectNode item = rules.addObject();
            item.put("entry_protocol", rule.entryProtocol());
            item.put("entry_port", rule.entryPort());
            item.put("target_protocol", rule.targetProtocol());
            item.put("target_port", rule.targetPort());
            item.put("certificate_id", rule.certificateId() == null ? "" : rule.certificateId());
            item.put("tls_passthrough", rule.tlsPassthrough());
        }
        DigitalOceanLoadBalancer.HealthCheck check = lb.healthCheck();
        ObjectNode health = json.putObject("health_check");
        health.put("protocol", check.protocol());
        health.put("port", check.port());
        health.put("path", check.path());
        health.put("check_interval_seconds", check.checkIntervalSeconds());
        health.put("response_timeout_seconds", check.responseTimeoutSeconds());
        health.put("healthy_threshold", check.healthyThreshold());
        health.put("unhealthy_threshold", check.unhealthyThreshold());
        json.putObject("sticky_sessions").put("type", lb.stickySessionsType());
        json.put("redirect_http_to_https", lb.redirectHttpToHttps());
        json.put("enable_proxy_protocol", false);
        json.put("enable_backend_keepalive", false);
        json.put("http_idle_timeout_seconds", 60);
        json.put("disable_lets_encrypt_dns_records", false);
        ObjectNode firewall = json.putObject("firewall");
        firewall.putArray("deny");
        firewall.putArray("allow");
        json.put("vpc_uuid", lb.vpcUuid());
        catalog.region(lb.region()).ifPresent(region -> json.set("region", region(region)));
        ArrayNode droplets = json.putArray("droplet_ids");
        dropletIds.forEach(droplets::add);
        json.put("tag", lb.tag() == null ? "" : lb.tag());
        return json;
    }

    static ObjectNode certificate(DigitalOceanCertificate certificate) {
        ObjectNode json = SimJson.object();
        json.put("id", certificate.id());
        json.put("name", certificate.name());
        json.put("not_after", timestamp(certificate.notAfter()));
        json.put("sha1_fingerprint", certificate.sha1Fingerprint());
        json.put("created_at", timestamp(certificate.createdAt()));
        ArrayNode names = json.putArray("dns_names");
        certificate.dnsNames().forEach(names::add);
        json.put("state", certificate.state());
        json.put("type", certificate.type());
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
        DigitalOceanIpRange privateRange = vpcs.rangeOf(droplet.vpcUuid(), droplet.region());
        v4.add(network(droplet.privateIpv4(), privateRange.netmask(), privateRange.gateway(), "private"));
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

    private static ArrayNode diskInfo(int diskGb) {
        ArrayNode info = SimJson.array();
        ObjectNode local = info.addObject();
        local.put("type", "local");
        local.putObject("size").put("amount", diskGb).put("unit", "gib");
        return info;
    }

    private static String networkPart(String ipv4) {
        return ipv4.substring(0, ipv4.lastIndexOf('.'));
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
