package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.state.HetznerAction;
import dev.provisioning.cloudsim.state.HetznerLoadBalancer;
import dev.provisioning.cloudsim.state.HetznerNetwork;
import dev.provisioning.cloudsim.state.HetznerServer;
import dev.provisioning.cloudsim.state.HetznerStore;
import dev.provisioning.cloudsim.state.HetznerVolume;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Renders catalog entries and simulated objects in the Hetzner Cloud API's JSON shapes. */
final class HetznerJson {

    /** Hetzner writes {@code 2016-01-30T23:50:00+00:00}; the SDK parses exactly {@code yyyy-MM-dd'T'HH:mm:ssXXX}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);

    private final HetznerStore store;

    HetznerJson(HetznerStore store) {
        this.store = store;
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    static ObjectNode price(BigDecimal net) {
        return SimJson.object().put("net", net.setScale(10, RoundingMode.HALF_UP).toPlainString())
                .put("gross", HetznerCatalog.gross(net).toPlainString());
    }

    static ObjectNode location(HetznerCatalog.Location l) {
        return SimJson.object().put("id", l.id()).put("name", l.name()).put("description", l.description())
                .put("country", l.country()).put("city", l.city()).put("latitude", l.latitude())
                .put("longitude", l.longitude()).put("network_zone", l.networkZone());
    }

    static ObjectNode datacenter(HetznerCatalog.Datacenter d) {
        ObjectNode json = SimJson.object().put("id", d.id()).put("name", d.name()).put("description", d.description());
        json.set("location", location(d.location()));
        ObjectNode types = json.putObject("server_types");
        ArrayNode supported = types.putArray("supported");
        ArrayNode available = types.putArray("available");
        ArrayNode migration = types.putArray("available_for_migration");
        for (HetznerCatalog.ServerType type : HetznerCatalog.SERVER_TYPES) {
            if (type.locations().contains(d.location().name())) {
                supported.add(type.id());
                available.add(type.id());
                migration.add(type.id());
            }
        }
        return json;
    }

    static ObjectNode deprecation(HetznerCatalog.Deprecation deprecation) {
        return SimJson.object().put("announced", time(deprecation.announced()))
                .put("unavailable_after", time(deprecation.unavailableAfter()));
    }

    static ObjectNode serverType(HetznerCatalog.ServerType t) {
        ObjectNode json = SimJson.object().put("id", t.id()).put("name", t.name()).put("description", t.description())
                .put("cores", t.cores()).put("memory", t.memoryGb()).put("disk", t.diskGb())
                .put("deprecated", t.deprecation() != null).put("storage_type", "local").put("cpu_type", t.cpuType())
                .put("architecture", t.architecture()).put("category", "shared_vcpu");
        if (t.deprecation() == null) {
            json.putNull("deprecation");
        } else {
            json.set("deprecation", deprecation(t.deprecation()));
        }
        ArrayNode prices = json.putArray("prices");
        ArrayNode locations = json.putArray("locations");
        for (HetznerCatalog.Location l : HetznerCatalog.LOCATIONS) {
            if (!t.locations().contains(l.name())) {
                continue;
            }
            prices.add(serverTypePrice(t, l));
            ObjectNode at = locations.addObject().put("id", l.id()).put("name", l.name());
            if (t.deprecation() == null) {
                at.putNull("deprecation");
            } else {
                at.set("deprecation", deprecation(t.deprecation()));
            }
        }
        json.put("included_traffic", HetznerCatalog.LOCATIONS.get(0).includedTrafficBytes());
        return json;
    }

    static ObjectNode serverTypePrice(HetznerCatalog.ServerType t, HetznerCatalog.Location l) {
        BigDecimal monthly = HetznerCatalog.monthlyNet(t, l);
        ObjectNode price = SimJson.object().put("location", l.name());
        price.set("price_hourly", price(HetznerCatalog.hourly(monthly)));
        price.set("price_monthly", price(monthly));
        price.put("included_traffic", l.includedTrafficBytes());
        price.set("price_per_tb_traffic", price(HetznerCatalog.TRAFFIC_PER_TB));
        return price;
    }

    static ObjectNode image(HetznerCatalog.Image i) {
        ObjectNode json = SimJson.object().put("id", i.id()).put("type", "system").put("status", "available")
                .put("name", i.name()).put("description", i.description()).putNull("image_size").put("disk_size", 5)
                .put("created", time(i.created())).putNull("created_from").putNull("bound_to")
                .put("os_flavor", i.osFlavor()).put("os_version", i.osVersion()).put("rapid_deploy", true)
                .putNull("deprecated").putNull("deleted").put("architecture", i.architecture());
        json.putObject("protection").put("delete", false);
        json.putObject("labels");
        return json;
    }

    static ObjectNode loadBalancerType(HetznerCatalog.LoadBalancerType t) {
        ObjectNode json = SimJson.object().put("id", t.id()).put("name", t.name())
                .put("description", t.name().toUpperCase(java.util.Locale.ROOT))
                .put("max_connections", t.maxConnections()).put("max_services", t.maxServices())
                .put("max_targets", t.maxTargets()).put("max_assigned_certificates", t.maxAssignedCertificates())
                .putNull("deprecated");
        ArrayNode prices = json.putArray("prices");
        for (HetznerCatalog.Location l : HetznerCatalog.LOCATIONS) {
            prices.add(loadBalancerTypePrice(t, l));
        }
        return json;
    }

    static ObjectNode loadBalancerTypePrice(HetznerCatalog.LoadBalancerType t, HetznerCatalog.Location l) {
        ObjectNode price = SimJson.object().put("location", l.name());
        price.set("price_hourly", price(HetznerCatalog.hourly(t.monthlyNet())));
        price.set("price_monthly", price(t.monthlyNet()));
        price.put("included_traffic", l.includedTrafficBytes());
        price.set("price_per_tb_traffic", price(HetznerCatalog.TRAFFIC_PER_TB));
        return price;
    }

    static ObjectNode action(HetznerAction a) {
        ObjectNode json = SimJson.object().put("id", a.id()).put("command", a.command()).put("status", a.status())
                .put("progress", a.progress()).put("started", time(a.started())).put("finished", time(a.finished()));
        ArrayNode resources = json.putArray("resources");
        a.resources().forEach(r -> resources.addObject().put("id", r.id()).put("type", r.type()));
        json.putNull("error");
        return json;
    }

    ObjectNode server(HetznerServer s) {
        HetznerCatalog.ServerType type = HetznerCatalog.serverType(s.serverType()).orElseThrow();
        ObjectNode json = SimJson.object().put("id", s.id()).put("name", s.name()).put("status", s.status())
                .put("created", time(s.created()));
        ObjectNode publicNet = json.putObject("public_net");
        publicNet.putObject("ipv4").put("id", s.id() + 1_000_000).put("ip", s.ipv4()).put("blocked", false)
                .put("dns_ptr", "static." + s.ipv4() + ".clients.your-server.de");
        ObjectNode ipv6 = publicNet.putObject("ipv6").put("id", s.id() + 2_000_000).put("ip", s.ipv6())
                .put("blocked", false);
        ipv6.putArray("dns_ptr");
        publicNet.putArray("floating_ips");
        publicNet.putArray("firewalls");
        ArrayNode privateNet = json.putArray("private_net");
        for (HetznerServer.PrivateNet net : s.privateNet()) {
            ObjectNode entry = privateNet.addObject().put("network", net.network()).put("ip", net.ip());
            entry.putArray("alias_ips");
            entry.put("mac_address", net.macAddress());
        }
        json.set("server_type", serverType(type));
        json.set("datacenter", datacenter(HetznerCatalog.datacenterIn(s.location())));
        json.set("image", image(HetznerCatalog.image(s.image(), type.architecture()).orElseThrow()));
        json.putNull("iso").put("rescue_enabled", false).put("locked", false).putNull("backup_window")
                .put("outgoing_traffic", 0).put("ingoing_traffic", 0)
                .put("included_traffic", HetznerCatalog.location(s.location()).orElseThrow().includedTrafficBytes());
        json.putObject("protection").put("delete", false).put("rebuild", false);
        json.set("labels", labels(s.labels()));
        ArrayNode volumes = json.putArray("volumes");
        store.volumesOf(s.id()).forEach(volumes::add);
        ArrayNode loadBalancers = json.putArray("load_balancers");
        store.loadBalancers().stream().filter(lb -> lb.targets().stream()
                .anyMatch(t -> Long.valueOf(s.id()).equals(t.server()))).forEach(lb -> loadBalancers.add(lb.id()));
        json.put("primary_disk_size", type.diskGb()).putNull("placement_group");
        return json;
    }

    ObjectNode network(HetznerNetwork n) {
        ObjectNode json = SimJson.object().put("id", n.id()).put("name", n.name()).put("ip_range", n.ipRange());
        ArrayNode subnets = json.putArray("subnets");
        for (HetznerNetwork.Subnet subnet : n.subnets()) {
            ObjectNode entry = subnets.addObject().put("type", subnet.type()).put("ip_range", subnet.ipRange())
                    .put("network_zone", subnet.networkZone()).put("gateway", subnet.gateway());
            if (subnet.vswitchId() == null) {
                entry.putNull("vswitch_id");
            } else {
                entry.put("vswitch_id", subnet.vswitchId());
            }
        }
        ArrayNode routes = json.putArray("routes");
        n.routes().forEach(r -> routes.addObject().put("destination", r.destination()).put("gateway", r.gateway()));
        ArrayNode servers = json.putArray("servers");
        store.serversIn(n.id()).forEach(servers::add);
        ArrayNode loadBalancers = json.putArray("load_balancers");
        store.loadBalancersIn(n.id()).forEach(loadBalancers::add);
        json.putObject("protection").put("delete", false);
        json.set("labels", labels(n.labels()));
        json.put("created", time(n.created())).put("expose_routes_to_vswitch", false);
        return json;
    }

    ObjectNode loadBalancer(HetznerLoadBalancer lb) {
        ObjectNode json = SimJson.object().put("id", lb.id()).put("name", lb.name());
        ObjectNode publicNet = json.putObject("public_net").put("enabled", true);
        publicNet.putObject("ipv4").put("ip", lb.ipv4()).put("dns_ptr", "static." + lb.ipv4() + ".clients.your-server.de");
        publicNet.putObject("ipv6").put("ip", lb.ipv6()).putNull("dns_ptr");
        ArrayNode privateNet = json.putArray("private_net");
        lb.privateNet().forEach(n -> privateNet.addObject().put("network", n.network()).put("ip", n.ip()));
        json.set("location", location(HetznerCatalog.location(lb.location()).orElseThrow()));
        json.set("load_balancer_type", loadBalancerType(HetznerCatalog.loadBalancerType(lb.loadBalancerType())
                .orElseThrow()));
        json.putObject("protection").put("delete", false);
        json.set("labels", labels(lb.labels()));
        ArrayNode targets = json.putArray("targets");
        for (HetznerLoadBalancer.Target target : lb.targets()) {
            targets.add(target(lb, target));
        }
        ArrayNode services = json.putArray("services");
        lb.services().forEach(s -> services.add(service(s)));
        json.putObject("algorithm").put("type", lb.algorithm());
        json.put("outgoing_traffic", 0).put("ingoing_traffic", 0)
                .put("included_traffic", HetznerCatalog.location(lb.location()).orElseThrow().includedTrafficBytes())
                .put("created", time(lb.created()));
        return json;
    }

    private ObjectNode target(HetznerLoadBalancer lb, HetznerLoadBalancer.Target target) {
        ObjectNode json = SimJson.object().put("type", target.type());
        switch (target.type()) {
            case "server" -> json.putObject("server").put("id", target.server());
            case "label_selector" -> {
                json.putObject("label_selector").put("selector", target.labelSelector());
                ArrayNode matched = json.putArray("targets");
                LabelSelector selector = LabelSelector.parse(target.labelSelector());
                store.servers().stream().filter(s -> selector.test(s.labels())).forEach(s -> {
                    ObjectNode entry = matched.addObject().put("type", "server");
                    entry.putObject("server").put("id", s.id());
                    entry.set("health_status", healthStatus(lb));
                    entry.put("use_private_ip", target.usePrivateIp());
                });
            }
            default -> json.putObject("ip").put("ip", target.ip());
        }
        json.set("health_status", healthStatus(lb));
        json.put("use_private_ip", target.usePrivateIp());
        return json;
    }

    /** Every target reports healthy: cloud-sim runs no real health checks for Hetzner. */
    private static ArrayNode healthStatus(HetznerLoadBalancer lb) {
        ArrayNode statuses = SimJson.array();
        lb.services().forEach(s -> statuses.addObject().put("listen_port", s.listenPort()).put("status", "healthy"));
        return statuses;
    }

    static ObjectNode service(HetznerLoadBalancer.Service s) {
        ObjectNode json = SimJson.object().put("protocol", s.protocol()).put("listen_port", s.listenPort())
                .put("destination_port", s.destinationPort()).put("proxyprotocol", s.proxyprotocol());
        HetznerLoadBalancer.HealthCheck check = s.healthCheck();
        ObjectNode health = json.putObject("health_check").put("protocol", check.protocol()).put("port", check.port())
                .put("interval", check.interval()).put("timeout", check.timeout()).put("retries", check.retries());
        if (check.httpPath() != null) {
            ObjectNode http = health.putObject("http").putNull("domain").put("path", check.httpPath())
                    .putNull("response").put("tls", false);
            http.putArray("status_codes").add("2??").add("3??");
        }
        if (!s.protocol().equals("tcp")) {
            ObjectNode http = json.putObject("http").put("sticky_sessions", false).put("cookie_name", "HCLBSTICKY")
                    .put("cookie_lifetime", 300).put("redirect_http", false);
            http.putArray("certificates");
        }
        return json;
    }

    ObjectNode volume(HetznerVolume v) {
        ObjectNode json = SimJson.object().put("id", v.id()).put("created", time(v.created())).put("name", v.name());
        if (v.server() == null) {
            json.putNull("server");
        } else {
            json.put("server", v.server());
        }
        json.set("location", location(HetznerCatalog.location(v.location()).orElseThrow()));
        json.put("size", v.size()).put("linux_device", v.linuxDevice());
        json.putObject("protection").put("delete", false);
        json.set("labels", labels(v.labels()));
        json.put("status", v.status()).put("format", v.format());
        return json;
    }

    static ObjectNode pricing() {
        ObjectNode pricing = SimJson.object().put("currency", "EUR")
                .put("vat_rate", HetznerCatalog.VAT_RATE.toPlainString());
        pricing.putObject("image").set("price_per_gb_month", price(HetznerCatalog.IMAGE_PER_GB_MONTH));
        pricing.putObject("floating_ip").set("price_monthly", price(HetznerCatalog.FLOATING_IPV4_MONTH));
        ArrayNode floatingIps = pricing.putArray("floating_ips");
        ArrayNode primaryIps = pricing.putArray("primary_ips");
        for (String type : new String[] {"ipv4", "ipv6"}) {
            BigDecimal floating = type.equals("ipv4") ? HetznerCatalog.FLOATING_IPV4_MONTH
                    : HetznerCatalog.FLOATING_IPV6_MONTH;
            BigDecimal primary = type.equals("ipv4") ? HetznerCatalog.PRIMARY_IPV4_MONTH : BigDecimal.ZERO;
            ArrayNode floatingPrices = floatingIps.addObject().put("type", type).putArray("prices");
            ArrayNode primaryPrices = primaryIps.addObject().put("type", type).putArray("prices");
            for (HetznerCatalog.Location l : HetznerCatalog.LOCATIONS) {
                floatingPrices.addObject().put("location", l.name()).set("price_monthly", price(floating));
                ObjectNode p = primaryPrices.addObject().put("location", l.name());
                p.set("price_hourly", price(HetznerCatalog.hourly(primary)));
                p.set("price_monthly", price(primary));
            }
        }
        pricing.putObject("traffic").set("price_per_tb", price(HetznerCatalog.TRAFFIC_PER_TB));
        pricing.putObject("server_backup").put("percentage", "20.0000000000");
        ArrayNode serverTypes = pricing.putArray("server_types");
        for (HetznerCatalog.ServerType t : HetznerCatalog.SERVER_TYPES) {
            ArrayNode prices = serverTypes.addObject().put("id", t.id()).put("name", t.name()).putArray("prices");
            HetznerCatalog.LOCATIONS.stream().filter(l -> t.locations().contains(l.name()))
                    .forEach(l -> prices.add(serverTypePrice(t, l)));
        }
        ArrayNode lbTypes = pricing.putArray("load_balancer_types");
        for (HetznerCatalog.LoadBalancerType t : HetznerCatalog.LOAD_BALANCER_TYPES) {
            ArrayNode prices = lbTypes.addObject().put("id", t.id()).put("name", t.name()).putArray("prices");
            HetznerCatalog.LOCATIONS.forEach(l -> prices.add(loadBalancerTypePrice(t, l)));
        }
        pricing.putObject("volume").set("price_per_gb_month", price(HetznerCatalog.VOLUME_PER_GB_MONTH));
        return SimJson.object().set("pricing", pricing);
    }

    private static ObjectNode labels(Map<String, String> labels) {
        ObjectNode json = SimJson.object();
        new java.util.TreeMap<>(labels).forEach(json::put);
        return json;
    }
}
