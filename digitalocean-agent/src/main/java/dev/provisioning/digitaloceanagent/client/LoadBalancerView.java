package dev.provisioning.digitaloceanagent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A DigitalOcean load balancer as the API reports it, including {@code size_unit} and {@code vpc_uuid}, which the
 * SDK's {@code LoadBalancer} model does not carry.
 *
 * @param ip         public IPv4, empty while the load balancer is {@code new}
 * @param dropletIds the target droplets
 */
public record LoadBalancerView(String id, String name, String status, String ip, int sizeUnit, String vpcUuid,
                               List<Integer> dropletIds, List<ForwardingRule> forwardingRules,
                               HealthCheck healthCheck) {

    /** One forwarding rule; {@code certificateId} is null when there is none. */
    public record ForwardingRule(String entryProtocol, int entryPort, String targetProtocol, int targetPort,
                                 String certificateId, boolean tlsPassthrough) {

        ObjectNode toJson(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("entry_protocol", entryProtocol);
            node.put("entry_port", entryPort);
            node.put("target_protocol", targetProtocol);
            node.put("target_port", targetPort);
            if (certificateId != null) {
                node.put("certificate_id", certificateId);
            }
            node.put("tls_passthrough", tlsPassthrough);
            return node;
        }
    }

    /** The parts of the health check a spec can set. */
    public record HealthCheck(String protocol, int port, String path) {

        ObjectNode toJson(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("protocol", protocol);
            node.put("port", port);
            if (path != null) {
                node.put("path", path);
            }
            return node;
        }
    }

    public LoadBalancerView {
        dropletIds = List.copyOf(dropletIds);
        forwardingRules = List.copyOf(forwardingRules);
    }

    /** Reads the {@code load_balancer} object of an API answer. */
    public static LoadBalancerView of(JsonNode lb) {
        List<Integer> droplets = new ArrayList<>();
        lb.path("droplet_ids").forEach(id -> droplets.add(id.asInt()));
        List<ForwardingRule> rules = new ArrayList<>();
        for (JsonNode rule : lb.path("forwarding_rules")) {
            String certificate = rule.path("certificate_id").asText("");
            rules.add(new ForwardingRule(rule.path("entry_protocol").asText(), rule.path("entry_port").asInt(),
                    rule.path("target_protocol").asText(), rule.path("target_port").asInt(),
                    certificate.isEmpty() ? null : certificate, rule.path("tls_passthrough").asBoolean(false)));
        }
        JsonNode check = lb.path("health_check");
        String path = check.path("path").asText("");
        return new LoadBalancerView(lb.path("id").asText(), lb.path("name").asText(), lb.path("status").asText(),
                lb.path("ip").asText(""), lb.path("size_unit").asInt(1), lb.path("vpc_uuid").asText(null), droplets,
                rules, new HealthCheck(check.path("protocol").asText("http"), check.path("port").asInt(80),
                        path.isEmpty() ? null : path));
    }

    /**
     * The full representation DigitalOcean expects on create and on {@code PUT}.
     *
     * @param vpcUuid VPC to create the load balancer in, null for the region's default; ignored by updates
     */
    public static ObjectNode request(ObjectMapper json, String name, String region, int sizeUnit,
            List<ForwardingRule> rules, HealthCheck healthCheck, List<Integer> dropletIds, String vpcUuid) {
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.put("region", region);
        body.put("size_unit", sizeUnit);
        ArrayNode ruleArray = body.putArray("forwarding_rules");
        rules.forEach(rule -> ruleArray.add(rule.toJson(json)));
        if (healthCheck != null) {
            body.set("health_check", healthCheck.toJson(json));
        }
        ArrayNode droplets = body.putArray("droplet_ids");
        dropletIds.forEach(droplets::add);
        if (vpcUuid != null) {
            body.put("vpc_uuid", vpcUuid);
        }
        return body;
    }
}
