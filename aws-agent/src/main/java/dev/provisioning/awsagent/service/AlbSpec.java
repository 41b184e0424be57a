package dev.provisioning.awsagent.service;

import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code alb} spec, checked: {@code vpc} (address), {@code targets} (ec2-instance addresses),
 * {@code listeners} {@code [{protocol, port, certificate_arn}]} (default one HTTP listener on 80) and
 * {@code health_check} {@code {path, port}} (default {@code /} on 80, which is also the port traffic goes to).
 */
record AlbSpec(ResourceAddress vpc, List<ResourceAddress> targets, List<Listener> listeners, String healthCheckPath,
               int targetPort) {

    /** One listener: HTTP or HTTPS (which needs a certificate ARN) on a port. */
    record Listener(String protocol, int port, String certificateArn) {
    }

    static AlbSpec of(DesiredResource desired) {
        ResourceAddress vpc = References.required(desired, "vpc", VpcReconciler.KIND);
        List<ResourceAddress> targets = References.list(desired, "targets", Ec2InstanceReconciler.KIND);
        List<Listener> listeners = new ArrayList<>();
        Object listenerSpec = desired.spec().get("listeners");
        if (listenerSpec == null) {
            listeners.add(new Listener("HTTP", 80, null));
        } else if (listenerSpec instanceof Collection<?> items) {
            int index = 0;
            Set<Integer> ports = new HashSet<>();
            for (Object item : items) {
                Listener listener = listener(item, "spec.listeners[" + index++ + "]");
                if (!ports.add(listener.port())) {
                    throw ProviderException.invalidSpec("spec.listeners: port " + listener.port()
                            + " is given twice");
                }
                listeners.add(listener);
            }
            if (listeners.isEmpty()) {
                throw ProviderException.invalidSpec("spec.listeners must hold at least one listener");
            }
        } else {
            throw ProviderException.invalidSpec("spec.listeners must be a list of {protocol, port, certificate_arn}");
        }
        String path = "/";
        int port = 80;
        Object health = desired.spec().get("health_check");
        if (health instanceof Map<?, ?> check) {
            if (check.get("path") != null) {
                path = check.get("path").toString();
                if (!path.startsWith("/")) {
                    throw ProviderException.invalidSpec("spec.health_check.path must start with '/', was '" + path
                            + "'");
                }
            }
            if (check.get("port") != null) {
                port = port(check.get("port"), "spec.health_check.port");
            }
        } else if (health != null) {
            throw ProviderException.invalidSpec("spec.health_check must be an object {path, port}");
        }
        return new AlbSpec(vpc, targets, List.copyOf(listeners), path, port);
    }

    private static Listener listener(Object item, String where) {
        if (!(item instanceof Map<?, ?> map)) {
            throw ProviderException.invalidSpec(where + " must be an object {protocol, port, certificate_arn}");
        }
        String protocol = map.get("protocol") == null ? "HTTP" : map.get("protocol").toString().toUpperCase(Locale.ROOT);
        if (!protocol.equals("HTTP") && !protocol.equals("HTTPS")) {
            throw ProviderException.invalidSpec(where + ".protocol must be HTTP or HTTPS, was '" + protocol + "'");
        }
        int port = map.get("port") == null ? (protocol.equals("HTTPS") ? 443 : 80) : port(map.get("port"),
                where + ".port");
        String certificate = map.get("certificate_arn") == null ? null : map.get("certificate_arn").toString();
        if (protocol.equals("HTTPS") && (certificate == null || certificate.isBlank())) {
            throw ProviderException.invalidSpec(where + ": an HTTPS listener needs a certificate_arn");
        }
        return new Listener(protocol, port, protocol.equals("HTTPS") ? certificate : null);
    }

    private static int port(Object value, String where) {
        try {
            int port = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw ProviderException.invalidSpec(where + " must be a port between 1 and 65535, was '" + value + "'");
        }
    }
}
