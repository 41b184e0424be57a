package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Plan-time estimates: what a set of not-yet-created resources would cost per month. */
@ApplicationScoped
public class CostEstimator {

    /** Far above any workspace; stops a typo from producing an absurd figure. */
    static final int MAX_COUNT = 10_000;
    static final int MAX_LINES = 1_000;

    private final PriceCatalog catalog;

    public CostEstimator(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Prices every line; the first invalid line fails the whole estimate.
     *
     * @throws InvalidFieldException         naming the field ({@code resources[2].priceKey}), value and what is allowed
     * @throws PriceDataUnavailableException when a provider's price list cannot be read
     */
    @WithSpan("CostEstimator.estimate")
    public CostEstimate estimate(EstimateRequest request) {
        if (request == null || request.resources() == null || request.resources().isEmpty()) {
            throw new InvalidFieldException("resources", null, "is required and must not be empty",
                    "a list of {provider, priceKey, count}");
        }
        if (request.resources().size() > MAX_LINES) {
            throw new InvalidFieldException("resources", request.resources().size() + " items", "has too many items",
                    "at most " + MAX_LINES + " items");
        }
        List<CostEstimate.Line> lines = new ArrayList<>();
        BigDecimal total = CurrencyConverter.cents(BigDecimal.ZERO);
        for (int i = 0; i < request.resources().size(); i++) {
            CostEstimate.Line line = price(i, request.resources().get(i));
            lines.add(line);
            total = total.add(line.monthlyUsd());
        }
        return new CostEstimate("USD", total, lines);
    }

    private CostEstimate.Line price(int index, EstimateRequest.Item item) {
        String at = "resources[" + index + "]";
        if (item == null) {
            throw new InvalidFieldException(at, null, "must be an object", "{provider, priceKey, count}");
        }
        Provider provider = provider(at + ".provider", item.provider());
        int count = item.count() == null ? 1 : item.count();
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidFieldException(at + ".count", item.count(), "is out of range",
                    "a whole number from 1 to " + MAX_COUNT);
        }
        if (item.priceKey() == null || item.priceKey().isBlank()) {
            throw new InvalidFieldException(at + ".priceKey", item.priceKey(), "is required", "a price key such as "
                    + DigitalOceanPriceSource.KEY_PREFIX + "s-2vcpu-4gb");
        }
        PriceQuote quote;
        try {
            quote = catalog.quote(provider, item.priceKey());
        } catch (UnknownPriceKeyException e) {
            throw new InvalidFieldException(at + ".priceKey", item.priceKey(), e.getMessage(), e.allowed());
        }
        // For a key priced per unit (a Hetzner volume's GB) the count is the number of units.
        return new CostEstimate.Line(provider, item.priceKey(), count, quote.unitMonthlyUsd(), quote.unit(),
                quote.monthlyUsdFor(count));
    }

    private Provider provider(String field, String value) {
        String allowed = catalog.pricedProviders().stream().sorted(Comparator.naturalOrder()).map(Provider::id)
                .collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, value, "is required", allowed);
        }
        Provider provider;
        try {
            provider = Provider.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, value, "is not a known provider", allowed);
        }
        if (!catalog.pricedProviders().contains(provider)) {
            throw new InvalidFieldException(field, value, "has no price source in cost-service yet", allowed);
        }
        return provider;
    }
}
