package dev.provisioning.costservice;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What one resource costs per month: one row per resource address, updated in place on redelivery. */
@Entity
@Table(name = "resource_cost")
public class ResourceCost extends PanacheEntityBase {

    @Id
    public String address;

    @Column(nullable = false)
    public String workspace;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    /** The provider id, e.g. {@code digitalocean}. */
    @Column(nullable = false)
    public String provider;

    /** The component id, e.g. {@code compute}. */
    @Column(nullable = false)
    public String component;

    @Column(name = "price_key")
    public String priceKey;

    /** How many units a per-unit price key is charged for (a volume's GB, from the ready event's size). */
    @Column(name = "quantity")
    public Integer quantity;

    /** Monthly price in USD rounded to cents; 0.00 when included, null while unpriced. */
    @Column(name = "monthly_usd", precision = 12, scale = 2)
    public BigDecimal monthlyUsd;

    @Enumerated(EnumType.STRING)
    @Column(name = "price_status", nullable = false)
    public PriceStatus priceStatus;

    /** Why the resource is unpriced, or for an included one why it has no charge of its own. */
    @Column(name = "unpriced_reason")
    public String unpricedReason;

    @Column(name = "rollout_id")
    public String rolloutId;

    /** The trace the resource's ready event belonged to, so a later re-pricing continues it. */
    @Column(name = "traceparent")
    public String traceparent;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    /** When the price was last determined (or, for an unpriced resource, last attempted). */
    @Column(name = "priced_at", nullable = false)
    public Instant pricedAt;

    public ResourceAddress resourceAddress() {
        return ResourceAddress.parse(address);
    }

    public Provider providerValue() {
        return Provider.fromId(provider);
    }

    public Component componentValue() {
        return Component.fromId(component);
    }

    public boolean isPriced() {
        return priceStatus == PriceStatus.PRICED;
    }

    /** Whether the monthly amount counts in the totals: priced, or included at $0.00. */
    public boolean isCounted() {
        return priceStatus.counted();
    }

    public static List<ResourceCost> forWorkspace(String workspace) {
        return list("workspace", Sort.by("firstSeenAt").and("address"), workspace);
    }

    /** The sum of the workspace's counted monthly amounts, USD. */
    public static BigDecimal monthlyTotal(String workspace) {
        BigDecimal total = getEntityManager()
                .createQuery("select sum(r.monthlyUsd) from ResourceCost r where r.workspace = ?1"
                        + " and r.monthlyUsd is not null", BigDecimal.class)
                .setParameter(1, workspace)
                .getSingleResult();
        return total == null ? BigDecimal.ZERO : total;
    }

    /** How many of the workspace's resources have no amount (see {@link PriceStatus#counted()}). */
    public static long uncountedResources(String workspace) {
        List<PriceStatus> counted = Arrays.stream(PriceStatus.values()).filter(PriceStatus::counted).toList();
        return count("workspace = ?1 and priceStatus not in ?2", workspace, counted);
    }

    /** The sum of the counted monthly amounts of these addresses of the workspace, USD. */
    public static BigDecimal monthlyTotalOf(String workspace, List<String> addresses) {
        if (addresses.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal total = getEntityManager()
                .createQuery("select sum(r.monthlyUsd) from ResourceCost r where r.workspace = ?1"
                        + " and r.address in ?2 and r.monthlyUsd is not null", BigDecimal.class)
                .setParameter(1, workspace)
                .setParameter(2, addresses)
                .getSingleResult();
        return total == null ? BigDecimal.ZERO : total;
    }

    /** Unpriced resources whose reason may have gone away (see {@link PriceStatus#retryable()}). */
    public static List<ResourceCost> retryable() {
        List<PriceStatus> statuses = Arrays.stream(PriceStatus.values()).filter(PriceStatus::retryable).toList();
        return list("priceStatus in ?1", Sort.by("address"), statuses);
    }
}
