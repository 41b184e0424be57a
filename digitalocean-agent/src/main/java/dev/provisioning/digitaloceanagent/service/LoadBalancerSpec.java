package dev.provisioning.digitaloceanagent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.digitaloceanagent.client.LoadBalancerView.ForwardingRule;
import dev.provisioning.digitaloceanagent.client.LoadBalancerView.HealthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The spec of a {@code load-balancer} command, checked before any provider call.
 *
 * @param targets     droplet addresses
 * @param healthCheck null to leave DigitalOcean's defaults (and not compare them)
 * @param vpc         VPC address, or null for the region's default VPC
 * @param certificateNames per forwarding rule index, the name of the certificate the rule serves, when the spec
 *                    names it ({@code certificate_name}) instead of giving its id
 */
record LoadBalancerSpec(int sizeUnit, List<ForwardingRule> forwardingRules, HealthCheck healthCheck,
                        List<ResourceAddress> targets, ResourceAddress vpc, Map<Integer, String> certificateNames) {

    static final int MAX_SIZE_UNIT = 100;

    static LoadBalancerSpec of(DesiredResource desired) {
        int sizeUnit = desired.optionalText("size_unit").map(text -> integer("size_unit", text)).orElse(1);
        if (sizeUnit < 1 || sizeUnit > MAX_SIZE_UNIT) {
            throw ProviderException.invalidSpec("spec.size_unit must be between 1 and " + MAX_SIZE_UNIT
                    + ", was " + sizeUnit);
        }
        List<ResourceAddress> targets = new ArrayList<>();
        for (String target : desired.textList("targets")) {
            targets.add(References.parse("targets", target, "droplet"));
        }
        ResourceAddress vpc = desired.optionalText("vpc").map(text -> References.parse("vpc", text, "vpc"))
                .orElse(null);
        Object rules = desired.spec().get("forwarding_rules");
        return new LoadBalancerSpec(sizeUnit, rules(rules), healthCheck(desired.spec().get("health_check")),
                List.copyOf(targets), vpc, certificateNames(rules));
    }

    /**
     * This spec with every {@code certificate_name} replaced by the id {@code idOf} finds for it.
     *
     * @throws ProviderException (not retryable) when no certificate has that name
     */
    LoadBalancerSpec withCertificateIds(Function<String, Optional<String>> idOf) {
        if (certificateNames.isEmpty()) {
            return this;
        }
        List<ForwardingRule> resolved = new ArrayList<>(forwardingRules);
        certificateNames.forEach((index, name) -> {
            String id = idOf.apply(name).orElseThrow(() -> ProviderException.invalidSpec("spec.forwarding_rules["
                    + index + "].certificate_name: no certificate named '" + name + "' in this DigitalOcean account;"
                    + " upload it first or give its certificate_id"));
            ForwardingRule rule = resolved.get(index);
            resolved.set(index, new ForwardingRule(rule.entryProtocol(), rule.entryPort(), rule.targetProtocol(),
                    rule.targetPort(), id, rule.tlsPassthrough()));
        });
        return new LoadBalancerSpec(sizeUnit, List.copyOf(resolved), healthCheck, targets, vpc, Map.of());
    }

    private static Map<Integer, String> certificateNames(Object value) {
        Map<Integer, String> names = new TreeMap<>();
        if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> rule) {
                    Optional<String> name = text(rule.get("certificate_name"));
                    if (name.isPresent() && text(rule.get("certificate_id")).isPresent()) {
                        throw ProviderException.invalidSpec("spec.forwarding_rules[" + i
                                + "] gives both certificate_id and certificate_name; give one");
                    }
                    int index = i;
                    name.ifPresent(n -> names.put(index, n));
                }
            }
        }
        return Map.copyOf(names);
    }

    private static List<ForwardingRule> rules(Object value) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            throw ProviderException.invalidSpec("spec.forwarding_rules must be a non-empty list of "
                    + "{entry_protocol, entry_port, target_protocol, target_port, certificate_id or certificate_name}");
        }
        List<ForwardingRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "spec.forwarding_rules[" + i + "]";
            Map<?, ?> rule = map(where, items.get(i));
            rules.add(new ForwardingRule(protocol(where, rule, "entry_protocol"), port(where, rule, "entry_port"),
                    protocol(where, rule, "target_protocol"), port(where, rule, "target_port"),
                    text(rule.get("certificate_id")).orElse(null),
                    Boolean.parseBoolean(text(rule.get("tls_passthrough")).orElse("false"))));
        }
        return List.copyOf(rules);
    }

    private static HealthCheck healthCheck(Object value) {
        if (value == null) {
            return null;
        }
        Map<?, ?> check = map("spec.health_check", value);
        String protocol = text(check.get("protocol")).map(p -> p.toLowerCase(Locale.ROOT)).orElse("http");
        int port = check.get("port") == null ? 80 : port("spec.health_check", check, "port");
        String path = protocol.equals("tcp") ? null : text(check.get("path")).orElse("/");
        return new HealthCheck(protocol, port, path);
    }

    private static Map<?, ?> map(String where, Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw ProviderException.invalidSpec(where + " must be an object");
    }

    private static String protocol(String where, Map<?, ?> map, String key) {
        return text(map.get(key)).map(p -> p.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ProviderException.invalidSpec(where + "." + key + " is required"));
    }

    private static int port(String where, Map<?, ?> map, String key) {
        String text = text(map.get(key)).orElseThrow(() -> ProviderException.invalidSpec(where + "." + key
                + " is required"));
        int port = integer(where.replaceFirst("^spec\\.", "") + "." + key, text);
        if (port < 1 || port > 65_535) {
            throw ProviderException.invalidSpec(where + "." + key + " must be a port (1-65535), was " + port);
        }
        return port;
    }

    private static int integer(String key, String text) {
        try {
            double number = Double.parseDouble(text);
            if (number != Math.rint(number)) {
                throw new NumberFormatException(text);
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw ProviderException.invalidSpec("spec." + key + " must be a whole number, was '" + text + "'");
        }
    }

    private static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
