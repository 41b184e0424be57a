package dev.provisioning.costservice.service;

import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourcePriced;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.tracing.TraceContextHeaders;
import dev.provisioning.costservice.Component;
import dev.provisioning.costservice.PriceStatus;
import dev.provisioning.costservice.ResourceCost;
import dev.provisioning.costservice.TrackedWorkspace;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The stored costs: prices each ready resource and keeps one row per resource address, removes deleted ones, and
 * re-prices resources that could not be priced before.
 */
@ApplicationScoped
public class CostLedger {

    private static final Logger LOG = Logger.getLogger(CostLedger.class);
    private static final int REASON_LENGTH = 1000;

    private final PriceCatalog catalog;
    private final MeterRegistry meters;

    public CostLedger(PriceCatalog catalog, MeterRegistry meters) {
        this.catalog = catalog;
        this.meters = meters;
    }

    /**
     * Prices a ready resource and stores it, replacing what was stored for its address before.
     *
     * @return the event to publish once the transaction is committed; empty when the resource stays unpriced
     */
    @WithSpan("CostLedger.record")
    @Transactional
    public Optional<ResourcePriced> record(ResourceReady ready) {
        ResourceAddress address = ready.address();
        Instant now = Instant.now();
        TrackedWorkspace.track(address.workspace(), now);
        ResourceCost row = ResourceCost.findById(address.toString());
        if (row == null) {
            row = new ResourceCost();
            row.address = address.toString();
            row.firstSeenAt = now;
        }
        row.workspace = address.workspace();
        row.region = address.region();
        row.kind = address.kind();
        row.name = address.name();
        row.provider = ready.provider().id();
        row.priceKey = blankToNull(ready.priceKey());
        row.component = Component.of(address.kind(), row.priceKey).id();
        row.quantity = quantityOf(ready.size());
        row.rolloutId = ready.rolloutId();
        row.traceparent = TraceContextHeaders.traceparentOf(Context.current());
        price(row, now);
        row.persist();
        return row.isPriced() ? Optional.of(pricedEvent(row)) : Optional.empty();
    }

    /** Removes a deleted resource's row; nothing to do when it was never stored or already removed. */
    @WithSpan("CostLedger.remove")
    @Transactional
    public boolean remove(ResourceDeleted deleted) {
        TrackedWorkspace.track(deleted.address().workspace(), Instant.now());
        boolean removed = ResourceCost.deleteById(deleted.address().toString());
        meters.counter("cost.resources.removed").increment();
        LOG.infof("removed %s from the costs (%s)", deleted.address(), removed ? "was stored" : "was not stored");
        return removed;
    }

    /**
     * Prices again every resource whose reason for being unpriced may have gone away, one transaction each.
     *
     * @return the events for resources priced now, each with the trace its ready event belonged to
     */
    @WithSpan("CostLedger.repriceUnpriced")
    public List<Repriced> repriceUnpriced() {
        List<String> addresses = QuarkusTransaction.requiringNew().call(
                () -> ResourceCost.retryable().stream().map(r -> r.address).toList());
        List<Repriced> repriced = new ArrayList<>();
        for (String address : addresses) {
            try {
                QuarkusTransaction.requiringNew().call(() -> repriceOne(address)).ifPresent(repriced::add);
            } catch (RuntimeException e) {
                // A concurrent delete or update of the same row: the next round sees the new state.
                LOG.debugf("re-pricing %s skipped: %s", address, e.getMessage());
            }
        }
        return repriced;
    }

    private Optional<Repriced> repriceOne(String address) {
        ResourceCost row = ResourceCost.findById(address);
        if (row == null || row.isPriced()) {
            return Optional.empty();
        }
        price(row, Instant.now());
        return row.isPriced() ? Optional.of(new Repriced(pricedEvent(row), row.traceparent)) : Optional.empty();
    }

    private void price(ResourceCost row, Instant now) {
        row.pricedAt = now;
        if (row.priceKey == null) {
            Optional<String> noCharge = NoChargeKinds.reason(row.kind);
            if (noCharge.isPresent()) {
                included(row, noCharge.get());
            } else {
                unpriced(row, PriceStatus.NO_PRICE_KEY, "the ResourceReady event carries no priceKey");
            }
            return;
        }
        try {
            PriceQuote quote = catalog.quote(row.providerValue(), row.priceKey);
            if (quote.perUnit() && row.quantity == null) {
                unpriced(row, PriceStatus.NO_QUANTITY, "'" + row.priceKey + "' is priced per " + quote.unit()
                        + " and the ResourceReady event's size gives no whole number of " + quote.unit());
                return;
            }
            row.monthlyUsd = quote.perUnit() ? quote.monthlyUsdFor(row.quantity) : quote.monthlyUsd();
            row.priceStatus = PriceStatus.PRICED;
            row.unpricedReason = null;
            meters.counter("cost.resources.priced", "provider", row.provider).increment();
            LOG.infof("priced %s (%s) at %s USD/month", row.address, row.priceKey, row.monthlyUsd.toPlainString());
        } catch (UnpriceableException e) {
            unpriced(row, e.status(), e.getMessage());
        }
    }

    private static void included(ResourceCost row, String reason) {
        row.monthlyUsd = CurrencyConverter.cents(BigDecimal.ZERO);
        row.priceStatus = PriceStatus.INCLUDED;
        row.unpricedReason = reason;
        LOG.infof("%s has no charge of its own (%s)", row.address, reason);
    }

    private void unpriced(ResourceCost row, PriceStatus status, String reason) {
        row.monthlyUsd = null;
        row.priceStatus = status;
        row.unpricedReason = reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) : reason;
        meters.counter("cost.resources.unpriced", "provider", row.provider, "status", status.id()).increment();
        LOG.warnf("%s stays unpriced (%s): %s", row.address, status.id(), reason);
    }

    private static ResourcePriced pricedEvent(ResourceCost row) {
        return new ResourcePriced(row.rolloutId, row.resourceAddress(), row.providerValue(), row.priceKey,
                row.monthlyUsd, row.pricedAt);
    }

    /** The size as a positive whole number (a volume's GB); null for sizes that are slugs or types. */
    private static Integer quantityOf(String size) {
        if (size == null || !size.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        int quantity = Integer.parseInt(size.strip());
        return quantity > 0 ? quantity : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A resource priced on a retry, and the {@code traceparent} of the event that first brought it. */
    public record Repriced(ResourcePriced event, String traceparent) {
    }
}
