package dev.provisioning.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * The outcome of applying a workspace: the finished rollout as the planner reports it, the DNS
 * records, the database topology and the costs (cost-service's Markdown table), and how long the rollout took.
 */
public record RolloutReport(String workspace, String rolloutId, String status, JsonNode rollout,
                            Duration took, JsonNode dnsRecords, JsonNode replication, JsonNode costs) {

    public boolean succeeded() {
        return "SUCCEEDED".equals(status);
    }

    /** Human-readable: one line per step, then DNS records and costs. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Rollout ").append(rolloutId).append(" of workspace '").append(workspace).append("': ")
                .append(status).append(" in ").append(seconds(took)).append('\n');
        JsonNode steps = rollout.path("steps");
        if (steps.isArray() && !steps.isEmpty()) {
            out.append("Steps:\n");
            for (JsonNode step : steps) {
                out.append(String.format("  %-10s %-10s %-55s %s%s%n",
                        step.path("status").asText(""), step.path("kind").asText(""),
                        step.path("key").asText(step.path("address").asText("")),
                        step.path("providerId").isMissingNode() || step.path("providerId").isNull()
                                ? "" : "id=" + step.path("providerId").asText(),
                        step.path("detail").isNull() || step.path("detail").isMissingNode()
                                ? "" : "  " + step.path("detail").asText()));
            }
        }
        out.append("DNS records:\n").append(indent(dnsRecords));
        out.append("Databases:\n").append(databases(replication));
        out.append("Cost:\n").append(indent(costs));
        return out.toString();
    }

    /** One line per database: role, address, provider and region, host. */
    private static String databases(JsonNode topology) {
        if (topology == null || !topology.isObject()) {
            return indent(topology);
        }
        StringBuilder out = new StringBuilder();
        JsonNode primary = topology.path("primary");
        if (primary.isObject()) {
            out.append(database("primary", primary));
        }
        topology.path("replicas").forEach(replica -> out.append(database("replica", replica)));
        topology.path("warnings").forEach(warning -> out.append("  warning: ").append(warning.asText()).append('\n'));
        return out.length() == 0 ? "  (none)\n" : out.toString();
    }

    private static String database(String role, JsonNode node) {
        JsonNode addresses = node.path("addresses");
        return String.format("  %-8s %-60s %s %s  %s:%s%n", role, node.path("address").asText(),
                node.path("provider").asText(), node.path("providerRegion").asText(),
                addresses.path("host").asText(addresses.path("ipv4").asText("?")), addresses.path("port").asText("?"));
    }

    private static String indent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "  (none)\n";
        }
        StringBuilder out = new StringBuilder();
        if (node.isArray()) {
            for (JsonNode item : node) {
                out.append("  ").append(oneLine(item)).append('\n');
            }
            return out.length() == 0 ? "  (none)\n" : out.toString();
        }
        if (node.isTextual()) {
            node.asText().lines().forEach(line -> out.append("  ").append(line).append('\n'));
            return out.toString();
        }
        try {
            String pretty = JsonHttp.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            pretty.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            out.append("  ").append(node).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(JsonNode item) {
        if (!item.isObject()) {
            return item.asText(item.toString());
        }
        StringBuilder line = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (line.length() > 0) {
                line.append("  ");
            }
            JsonNode value = field.getValue();
            line.append(field.getKey()).append('=').append(value.isValueNode() ? value.asText() : value.toString());
        }
        return line.toString();
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
