package dev.provisioning.planner;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A resource as its provider last reported it through an event: the recorded state plans compare against. */
@Entity
@Table(name = "recorded_resource")
public class RecordedResource extends PanacheEntityBase {

    @Id
    public String address;

    @Column(nullable = false)
    public String workspace;

    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_id", nullable = false)
    public String providerId;

    public String size;

    /** Network addresses as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String addresses;

    /** The spec (JSON) it was last provisioned with; null when it was never provisioned by a rollout. */
    @Column(columnDefinition = "text")
    public String spec;

    /** The workspace region it belongs to, e.g. {@code us-east}. */
    public String region;

    /** The provider's region or location, e.g. {@code nyc3}. */
    @Column(name = "provider_region")
    public String providerRegion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static java.util.List<RecordedResource> ofWorkspace(String workspace) {
        return list("workspace = ?1 order by address", workspace);
    }
}
