package dev.provisioning.dnsservice;

import dev.provisioning.dnsservice.client.HealthCheckSettings;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A Route53 health check dns-service keeps for a regional name, and the resource behind that name. */
@Entity
@Table(name = "managed_health_check")
public class ManagedHealthCheck extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String workspace;

    /** The regional name probed, e.g. {@code us.api.example.com}. */
    @Column(name = "record_name", nullable = false)
    public String recordName;

    @Column(name = "health_check_id", nullable = false)
    public String healthCheckId;

    @Column(name = "caller_reference", nullable = false)
    public String callerReference;

    /** Bumped when the check had to be replaced; part of the caller reference. */
    @Column(nullable = false)
    public int generation;

    @Column(name = "check_type", nullable = false)
    public String checkType;

    @Column(nullable = false)
    public String fqdn;

    @Column(nullable = false)
    public int port;

    @Column(name = "resource_path", nullable = false)
    public String resourcePath;

    @Column(name = "request_interval", nullable = false)
    public int requestInterval;

    @Column(name = "failure_threshold", nullable = false)
    public int failureThreshold;

    @Column(name = "target_address", nullable = false)
    public String targetAddress;

    @Column(name = "synced_at", nullable = false)
    public Instant syncedAt;

    public HealthCheckSettings settings() {
        return new HealthCheckSettings(checkType, fqdn, port, resourcePath, requestInterval, failureThreshold);
    }

    public static Optional<ManagedHealthCheck> lookup(String workspace, String recordName) {
        return find("workspace = ?1 and recordName = ?2", workspace, recordName).firstResultOptional();
    }

    public static List<ManagedHealthCheck> ofWorkspace(String workspace) {
        return list("workspace = ?1 order by recordName", workspace);
    }
}
