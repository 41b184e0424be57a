package dev.provisioning.cloudsim.state;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Thread-safe store of Route53 health checks and of the simulated health of their endpoints.
 *
 * <p>Nothing is ever probed over the network. Every endpoint is healthy until the control API marks its target (a
 * domain name or IP address, or every domain name starting with a prefix) down. A check then turns unhealthy once
 * {@code RequestInterval × FailureThreshold} seconds, multiplied by the simulator's time scale, have passed since the
 * mark, as Route53 needs that many failed checks in a row; marked up again, it recovers after the same time. Disabled
 * checks are always healthy and inverted checks report the opposite, as on Route53.
 */
public final class HealthCheckStore {

    /** Checker regions Route53 uses when a health check names none. */
    public static final List<String> DEFAULT_REGIONS = List.of("us-east-1", "us-west-1", "us-west-2", "eu-west-1",
            "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1");

    /** One health checker's latest report. */
    public record Observation(String region, String ipAddress, String status, Instant checkedTime) {
    }

    /** A created health check and whether this request created it or found it (same caller reference and config). */
    public record Creation(HealthCheck check, boolean created) {
    }

    /** The latest health mark of a target; {@code previousChange} is when it went down before this recovery. */
    private record Mark(boolean healthy, Instant changedAt, Instant previousChange) {
    }

    private final UnaryOperator<Duration> timeScale;
    private final Map<String, HealthCheck> checks = new LinkedHashMap<>();
    private final Map<String, String> idsByCallerReference = new LinkedHashMap<>();
    private final Set<String> usedCallerReferences = new HashSet<>();
    private final Map<String, Mark> targetMarks = new LinkedHashMap<>();
    private final Map<String, Mark> prefixMarks = new LinkedHashMap<>();

    /** @param timeScale turns a nominal delay into simulated time, read at each evaluation */
    public HealthCheckStore(UnaryOperator<Duration> timeScale) {
        this.timeScale = timeScale;
    }

    /**
     * Creates a health check, or returns the existing one for a repeated request with the same caller reference and
     * the same settings.
     *
     * @throws HealthCheckRejection {@code ALREADY_EXISTS} when the caller reference belongs to a check with other
     *                              settings, or to a deleted check
     */
    public synchronized Creation create(String callerReference, HealthCheckConfig config, Instant now) {
        String existingId = idsByCallerReference.get(callerReference);
        if (existingId != null && checks.get(existingId).config().equals(config)) {
            return new Creation(checks.get(existingId), false);
        }
        if (usedCallerReferences.contains(callerReference)) {
            throw new HealthCheckRejection(HealthCheckRejection.Reason.ALREADY_EXISTS, "A health check with the "
                    + "same CallerReference '" + callerReference + "' already exists or was deleted, and its "
                    + "settings differ from the request.");
        }
        HealthCheck check = new HealthCheck(UUID.randomUUID().toString(), callerReference, config, 1,
                now.truncatedTo(ChronoUnit.MILLIS));
        checks.put(check.id(), check);
        idsByCallerReference.put(callerReference, check.id());
        usedCallerReferences.add(callerReference);
        return new Creation(check, true);
    }

    public synchronized Optional<HealthCheck> find(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** @throws HealthCheckRejection {@code NO_SUCH_HEALTH_CHECK} */
    public synchronized HealthCheck get(String id) {
        HealthCheck check = checks.get(id);
        if (check == null) {
            throw noSuchHealthCheck(id);
        }
        return check;
    }

    /** Every health check in creation order, the order {@code ListHealthChecks} pages through. */
    public synchronized List<HealthCheck> list() {
        return List.copyOf(checks.values());
    }

    /**
     * Replaces the settings of a check.
     *
     * @param expectedVersion the {@code HealthCheckVersion} the caller last saw, or null to skip the check
     * @throws HealthCheckRejection {@code NO_SUCH_HEALTH_CHECK} or {@code VERSION_MISMATCH}
     */
    public synchronized HealthCheck update(String id, Long expectedVersion, UnaryOperator<HealthCheckConfig> change) {
        HealthCheck current = get(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new HealthCheckRejection(HealthCheckRejection.Reason.VERSION_MISMATCH, "The value of "
                    + "HealthCheckVersion in the request (" + expectedVersion + ") doesn't match the value of "
                    + "HealthCheckVersion in the health check (" + current.version() + ").");
        }
        HealthCheck updated = current.withConfig(change.apply(current.config()));
        checks.put(id, updated);
        return updated;
    }

    /**
     * Deletes a check; its caller reference stays used, as on Route53.
     *
     * @throws HealthCheckRejection {@code NO_SUCH_HEALTH_CHECK}
     */
    public synchronized void delete(String id) {
        HealthCheck removed = checks.remove(id);
        if (removed == null) {
            throw noSuchHealthCheck(id);
        }
        idsByCallerReference.remove(removed.callerReference());
    }

    /**
     * Marks an endpoint up or down: a domain name (any case, trailing dot optional) or an IP address.
     *
     * @return how many existing checks probe that target
     */
    public synchronized int markTarget(String target, boolean healthy, Instant now) {
        String key = normalise(target);
        targetMarks.put(key, nextMark(targetMarks.get(key), healthy, now));
        return (int) checks.values().stream().filter(c -> key.equals(targetKey(c))).count();
    }

    /**
     * Marks every domain name starting with {@code prefix} (e.g. {@code us.}) up or down: a whole region at once.
     * An exact target mark made later wins over it.
     *
     * @return how many existing checks probe a matching domain name
     */
    public synchronized int markPrefix(String prefix, boolean healthy, Instant now) {
        String key = prefix.trim().toLowerCase(Locale.ROOT);
        prefixMarks.put(key, nextMark(prefixMarks.get(key), healthy, now));
        return (int) checks.values().stream()
                .filter(c -> c.config().fullyQualifiedDomainName() != null
                        && c.config().fullyQualifiedDomainName().startsWith(key))
                .count();
    }

    /** Forgets every health mark: all endpoints are healthy again at once. */
    public synchronized void clearMarks() {
        targetMarks.clear();
        prefixMarks.clear();
    }

    /** Whether the check is healthy at {@code now}; an unknown id counts as healthy, as a missing check fails open. */
    public synchronized boolean isHealthy(String id, Instant now) {
        HealthCheck check = checks.get(id);
        return check == null || healthy(check, now);
    }

    /**
     * What each checker region last reported for the check: {@code Success: HTTP Status Code 200, OK} or a
     * {@code Failure: ...}.
     *
     * @throws HealthCheckRejection {@code NO_SUCH_HEALTH_CHECK}
     */
    public synchronized List<Observation> observations(String id, Instant now) {
        HealthCheck check = get(id);
        boolean healthy = healthy(check, now);
        List<String> regions = check.config().regions().isEmpty() ? DEFAULT_REGIONS : check.config().regions();
        Instant checkedTime = now.minusSeconds(Math.min(5, check.config().requestInterval()))
                .truncatedTo(ChronoUnit.MILLIS);
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            String checker = "15.177." + (2 + i * 8) + "." + (10 + i);
            observations.add(new Observation(regions.get(i), checker, statusText(check.config(), healthy),
                    checkedTime));
        }
        return observations;
    }

    /** Forgets every check, caller reference and health mark. */
    public synchronized void reset() {
        checks.clear();
        idsByCallerReference.clear();
        usedCallerReferences.clear();
        clearMarks();
    }

    private boolean healthy(HealthCheck check, Instant now) {
        HealthCheckConfig config = check.config();
        if (config.disabled()) {
            return true;
        }
        Mark mark = markFor(config);
        boolean endpointHealthy = mark == null || endpointHealthy(mark, config, now);
        return config.inverted() != endpointHealthy;
    }

    private boolean endpointHealthy(Mark mark, HealthCheckConfig config, Instant now) {
        Duration toFlip = timeScale.apply(Duration.ofSeconds(
                (long) config.requestInterval() * config.failureThreshold()));
        boolean settled = !now.isBefore(mark.changedAt().plus(toFlip));
        if (!mark.healthy()) {
            return !settled;
        }
        // A recovery only takes time if the endpoint had been down long enough to be seen as unhealthy.
        boolean wasUnhealthy = mark.previousChange() != null
                && !mark.changedAt().isBefore(mark.previousChange().plus(toFlip));
        return !wasUnhealthy || settled;
    }

    private Mark markFor(HealthCheckConfig config) {
        Mark exact = targetKey(config) == null ? null : targetMarks.get(targetKey(config));
        Mark byPrefix = null;
        String fqdn = config.fullyQualifiedDomainName();
        if (fqdn != null) {
            int longest = -1;
            for (Map.Entry<String, Mark> entry : prefixMarks.entrySet()) {
                if (fqdn.startsWith(entry.getKey()) && entry.getKey().length() > longest) {
                    longest = entry.getKey().length();
                    byPrefix = entry.getValue();
                }
            }
        }
        if (exact == null || byPrefix == null) {
            return exact != null ? exact : byPrefix;
        }
        return exact.changedAt().isBefore(byPrefix.changedAt()) ? byPrefix : exact;
    }

    private static Mark nextMark(Mark previous, boolean healthy, Instant now) {
        if (previous != null && previous.healthy() == healthy) {
            return previous;
        }
        if (previous == null && healthy) {
            return new Mark(true, now, null);
        }
        return new Mark(healthy, now, healthy ? previous.changedAt() : null);
    }

    private static String targetKey(HealthCheck check) {
        return targetKey(check.config());
    }

    private static String targetKey(HealthCheckConfig config) {
        return config.target() == null ? null : normalise(config.target());
    }

    private static String normalise(String target) {
        String key = target.trim().toLowerCase(Locale.ROOT);
        return key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
    }

    private static String statusText(HealthCheckConfig config, boolean healthy) {
        if (healthy) {
            return config.type().equals("TCP") ? "Success: TCP connection established"
                    : "Success: HTTP Status Code 200, OK";
        }
        return "Failure: Connection timed out. The endpoint or the internet connection is down, or requests are "
                + "being blocked by your firewall.";
    }

    private static HealthCheckRejection noSuchHealthCheck(String id) {
        return new HealthCheckRejection(HealthCheckRejection.Reason.NO_SUCH_HEALTH_CHECK,
                "No health check exists with the specified ID " + id);
    }
}
