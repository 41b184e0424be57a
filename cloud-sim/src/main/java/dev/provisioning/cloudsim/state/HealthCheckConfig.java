package dev.provisioning.cloudsim.state;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings of a Route53 health check, as {@code HealthCheckConfig} carries them.
 *
 * @param type                     HTTP, HTTPS, HTTP_STR_MATCH, HTTPS_STR_MATCH, TCP, CALCULATED, ...
 * @param ipAddress                endpoint address; null when only the domain name is given
 * @param fullyQualifiedDomainName endpoint name, stored in lower case without a trailing dot
 * @param requestInterval          seconds between checks: 10 or 30
 * @param failureThreshold         consecutive failures before the check turns unhealthy: 1 to 10
 * @param regions                  checker regions; empty means Route53's default set
 */
public record HealthCheckConfig(
        String type,
        String ipAddress,
        Integer port,
        String resourcePath,
        String fullyQualifiedDomainName,
        String searchString,
        int requestInterval,
        int failureThreshold,
        boolean measureLatency,
        boolean inverted,
        boolean disabled,
        Boolean enableSni,
        List<String> regions) {

    public HealthCheckConfig {
        Objects.requireNonNull(type, "type");
        regions = regions == null ? List.of() : List.copyOf(regions);
        fullyQualifiedDomainName = fullyQualifiedDomainName == null ? null
                : stripDot(fullyQualifiedDomainName.toLowerCase(Locale.ROOT));
    }

    /** What the simulated checkers probe: the domain name when given, else the IP address. */
    public String target() {
        return fullyQualifiedDomainName != null ? fullyQualifiedDomainName : ipAddress;
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
