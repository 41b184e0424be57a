package dev.provisioning.cloudsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.aws.route53.SimulatedHealthControl;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.fault.FaultInjector;
import dev.provisioning.cloudsim.http.ProviderApi;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.runtime.LiveConfig;
import dev.provisioning.cloudsim.state.SimState;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The simulator's own API under {@code /_sim/}: health, reset, fault injection, runtime configuration and a
 * state dump. It needs no credentials and is never subject to injected faults.
 */
public final class ControlApi implements ProviderApi {

    private static final Set<String> FAULT_FIELDS = Set.of("provider", "pathPrefix", "method", "status", "count",
            "retryAfterSeconds", "code", "message", "delayMs");
    private static final Set<String> CONFIG_FIELDS = Set.of("timeScale", "dropletBootDelayMs", "dnsChangeDelayMs",
            "serverBootDelayMs",
            "loadBalancerDelayMs",
            "ec2BootDelayMs", "elbProvisionDelayMs", "databaseDelayMs", "rdsDelayMs");

    private final SimState state;
    private final FaultInjector faults;
    private final LiveConfig config;
    private final Runnable reset;

    /**
     * @param reset clears every resource and armed fault of the simulator
     */
    public ControlApi(SimState state, FaultInjector faults, LiveConfig config, Runnable reset) {
        this.state = state;
        this.faults = faults;
        this.config = config;
        this.reset = reset;
    }

    @Override
    public String provider(SimRequest request) {
        return "sim";
    }

    @Override
    public String family() {
        return "sim";
    }

    @Override
    public boolean acceptsFaults() {
        return false;
    }

    @Override
    public SimResponse injectedFailure(Fault fault, SimRequest request) {
        throw new UnsupportedOperationException("the control API is never faulted");
    }

    @Override
    public SimResponse handle(SimRequest request) {
        List<String> segments = request.pathSegments();
        String resource = segments.size() == 2 ? segments.get(1) : "";
        String method = request.method();
        try {
            return switch (resource + " " + method) {
                case "health GET" -> SimResponse.json(200, SimJson.object().put("status", "UP"));
                case "health POST" -> SimulatedHealthControl.mark(state.healthCheckStore(), jsonBody(request));
                case "health DELETE" -> SimulatedHealthControl.clear(state.healthCheckStore());
                case "reset POST" -> {
                    reset.run();
                    yield SimResponse.empty(204);
                }
                case "faults GET" -> listFaults();
                case "faults POST" -> addFault(request);
                case "faults DELETE" -> {
                    faults.clear();
                    yield SimResponse.empty(204);
                }
                case "config GET" -> SimResponse.json(200, configJson(config.current()));
                case "config PUT" -> updateConfig(request);
                case "state GET" -> SimResponse.json(200, stateJson());
                default -> error(404, "no control endpoint " + method + " " + request.path());
            };
        } catch (IllegalArgumentException invalid) {
            return error(400, invalid.getMessage());
        }
    }

    private SimResponse listFaults() {
        ObjectNode body = SimJson.object();
        ArrayNode list = body.putArray("faults");
        faults.active().forEach(fault -> list.add(faultJson(fault)));
        return SimResponse.json(200, body);
    }

    private SimResponse addFault(SimRequest request) {
        JsonNode body = jsonBody(request);
        rejectUnknownFields(body, FAULT_FIELDS);
        if (!body.hasNonNull("provider")) {
            throw new IllegalArgumentException("provider is required (digitalocean, hetzner, route53, sts, aws or *)");
        }
        Fault fault = new Fault(
                body.get("provider").asText(),
                body.hasNonNull("pathPrefix") ? body.get("pathPrefix").asText() : null,
                body.hasNonNull("method") ? body.get("method").asText() : null,
                body.path("status").asInt(0),
                body.path("count").asInt(1),
                body.hasNonNull("retryAfterSeconds") ? body.get("retryAfterSeconds").asInt() : null,
                body.hasNonNull("code") ? body.get("code").asText() : null,
                body.hasNonNull("message") ? body.get("message").asText() : null,
                body.path("delayMs").asLong(0));
        faults.add(fault);
        return SimResponse.json(201, faultJson(fault));
    }

    private SimResponse updateConfig(SimRequest request) {
        JsonNode body = jsonBody(request);
        rejectUnknownFields(body, CONFIG_FIELDS);
        CloudSimConfig updated = config.update(current -> {
            CloudSimConfig next = current;
            if (body.has("timeScale")) {
                next = next.withTimeScale(body.get("timeScale").asDouble());
            }
            if (body.has("dropletBootDelayMs")) {
                next = next.withDropletBootDelay(Duration.ofMillis(body.get("dropletBootDelayMs").asLong()));
            }
            if (body.has("loadBalancerDelayMs")) {
                next = next.withLoadBalancerDelay(Duration.ofMillis(body.get("loadBalancerDelayMs").asLong()));
            }
            if (body.has("serverBootDelayMs")) {
                next = next.withServerBootDelay(Duration.ofMillis(body.get("serverBootDelayMs").asLong()));
            }
            if (body.has("ec2BootDelayMs")) {
                next = next.withEc2BootDelay(Duration.ofMillis(body.get("ec2BootDelayMs").asLong()));
            }
            if (body.has("elbProvisionDelayMs")) {
                next = next.withElbProvisionDelay(Duration.ofMillis(body.get("elbProvisionDelayMs").asLong()));
            }
            if (body.has("databaseDelayMs")) {
                next = next.withDatabaseDelay(Duration.ofMillis(body.get("databaseDelayMs").asLong()));
            }
            if (body.has("rdsDelayMs")) {
                next = next.withRdsDelay(Duration.ofMillis(body.get("rdsDelayMs").asLong()));
            }
            if (body.has("dnsChangeDelayMs")) {
                next = next.withDnsChangeDelay(Duration.ofMillis(body.get("dnsChangeDelayMs").asLong()));
            }
            return next;
        });
        return SimResponse.json(200, configJson(updated));
    }

    private ObjectNode stateJson() {
        ObjectNode body = SimJson.object();
        body.set("droplets", SimJson.mapper().valueToTree(state.droplets()));
        ObjectNode hetzner = body.putObject("hetzner");
        hetzner.set("servers", SimJson.mapper().valueToTree(state.hetznerServers()));
        hetzner.set("networks", SimJson.mapper().valueToTree(state.hetznerNetworks()));
        hetzner.set("loadBalancers", SimJson.mapper().valueToTree(state.hetznerLoadBalancers()));
        hetzner.set("volumes", SimJson.mapper().valueToTree(state.hetznerVolumes()));
        body.set("digitalOceanVpcs", SimJson.mapper().valueToTree(state.digitalOceanVpcs()));
        body.set("digitalOceanLoadBalancers", SimJson.mapper().valueToTree(state.digitalOceanLoadBalancers()));
        body.set("digitalOceanDatabases", SimJson.mapper().valueToTree(state.digitalOceanDatabases()));
        body.set("digitalOceanDatabaseReplicas", SimJson.mapper().valueToTree(state.digitalOceanDatabaseReplicas()));
        ArrayNode zones = body.putArray("hostedZones");
        state.hostedZones().forEach(zone -> {
            ObjectNode json = SimJson.mapper().valueToTree(zone);
            json.set("records", SimJson.mapper().valueToTree(state.records(zone.id())));
            zones.add(json);
        });
        body.set("healthChecks", SimJson.mapper().valueToTree(state.healthChecks()));
        return body;
    }

    private static ObjectNode configJson(CloudSimConfig current) {
        return SimJson.object()
                .put("bindAddress", current.bindAddress())
                .put("port", current.port())
                .put("timeScale", current.timeScale())
                .put("dropletBootDelayMs", current.dropletBootDelay().toMillis())
                .put("loadBalancerDelayMs", current.loadBalancerDelay().toMillis())
                .put("dnsChangeDelayMs", current.dnsChangeDelay().toMillis())
                .put("serverBootDelayMs", current.serverBootDelay().toMillis())
                .put("ec2BootDelayMs", current.ec2BootDelay().toMillis())
                .put("elbProvisionDelayMs", current.elbProvisionDelay().toMillis())
                .put("databaseDelayMs", current.databaseDelay().toMillis())
                .put("rdsDelayMs", current.rdsDelay().toMillis())
                .put("workerThreads", current.workerThreads());
    }

    private static ObjectNode faultJson(Fault fault) {
        ObjectNode json = SimJson.object()
                .put("provider", fault.provider())
                .put("pathPrefix", fault.pathPrefix())
                .put("method", fault.method())
                .put("status", fault.status())
                .put("count", fault.count())
                .put("code", fault.code())
                .put("message", fault.message())
                .put("delayMs", fault.delayMillis());
        if (fault.retryAfterSeconds() == null) {
            json.putNull("retryAfterSeconds");
        } else {
            json.put("retryAfterSeconds", fault.retryAfterSeconds());
        }
        return json;
    }

    private static JsonNode jsonBody(SimRequest request) {
        return SimJson.read(request.body()).filter(JsonNode::isObject)
                .orElseThrow(() -> new IllegalArgumentException("the body must be a JSON object"));
    }

    private static void rejectUnknownFields(JsonNode body, Set<String> known) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; known fields: " + known);
            }
        }
    }

    private static SimResponse error(int status, String message) {
        return SimResponse.json(status, SimJson.object().put("error", message));
    }
}
