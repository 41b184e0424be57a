package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.config.CostConfig;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Prices by price key across providers: asks each provider's {@link PriceSource}, keeps its price list for the
 * configured TTL, and converts to USD. When a refresh fails it keeps serving the last list it had.
 */
@ApplicationScoped
public class PriceCatalog {

    private static final Logger LOG = Logger.getLogger(PriceCatalog.class);
    /** After a failed refresh with a stale list at hand, wait this long before asking the provider again. */
    private static final Duration STALE_RETRY = Duration.ofMinutes(1);

    private final Map<Provider, PriceSource> sources = new EnumMap<>(Provider.class);
    private final Map<Provider, CachedPriceList> cache = new ConcurrentHashMap<>();
    private final CurrencyConverter converter;
    private final Duration ttl;

    public PriceCatalog(@All List<PriceSource> sources, CurrencyConverter converter, CostConfig config) {
        for (PriceSource source : sources) {
            PriceSource previous = this.sources.put(source.provider(), source);
            if (previous != null) {
                throw new IllegalStateException("two price sources for " + source.provider().id() + ": "
                        + previous.getClass().getName() + " and " + source.getClass().getName());
            }
        }
        this.converter = converter;
        this.ttl = config.priceCacheTtl();
    }

    /** The providers that have a price source. */
    public Set<Provider> pricedProviders() {
        return Set.copyOf(sources.keySet());
    }

    /**
     * The monthly USD price of a price key.
     *
     * @throws UnsupportedProviderException  when the provider has no price source
     * @throws UnknownPriceKeyException      when the key is not the provider's or not in its price list
     * @throws PriceDataUnavailableException when the provider's price list cannot be read
     */
    @WithSpan("PriceCatalog.quote")
    public PriceQuote quote(@SpanAttribute("provider") Provider provider, @SpanAttribute("price.key") String priceKey) {
        PriceSource source = sources.get(provider);
        if (source == null) {
            throw new UnsupportedProviderException(provider.id(), sources.keySet());
        }
        if (priceKey == null || !priceKey.startsWith(provider.id() + ":")) {
            throw new UnknownPriceKeyException(provider, priceKey, "does not belong to provider " + provider.id(),
                    source.keyFormat(), List.of());
        }
        PriceList list = priceList(source);
        BigDecimal listed = list.monthlyByKey().get(priceKey);
        if (listed == null) {
            throw new UnknownPriceKeyException(provider, priceKey, "is not in " + provider.id() + "'s price list ("
                    + list.monthlyByKey().size() + " prices)", source.keyFormat(), list.keys());
        }
        return new PriceQuote(provider, priceKey, converter.toUsd(listed, list.currency()), listed, list.currency(),
                list.fetchedAt(), list.unitOf(priceKey).orElse(null),
                converter.toUsdUnrounded(listed, list.currency()));
    }

    /** What is cached per provider, for the health check; never calls a provider. */
    public Map<Provider, PriceDataState> state() {
        Map<Provider, PriceDataState> states = new EnumMap<>(Provider.class);
        for (Provider provider : sources.keySet()) {
            CachedPriceList cached = cache.get(provider);
            states.put(provider, cached == null
                    ? new PriceDataState(0, null, null, null)
                    : new PriceDataState(cached.list() == null ? 0 : cached.list().monthlyByKey().size(),
                    cached.list() == null ? null : cached.list().fetchedAt(), cached.refreshAfter(),
                    cached.lastError()));
        }
        return states;
    }

    private PriceList priceList(PriceSource source) {
        Provider provider = source.provider();
        CachedPriceList cached = cache.get(provider);
        if (cached != null && cached.isFresh(Instant.now())) {
            return cached.list();
        }
        // One refresh per provider at a time; callers waiting here then find the fresh list.
        synchronized (source) {
            cached = cache.get(provider);
            Instant now = Instant.now();
            if (cached != null && cached.isFresh(now)) {
                return cached.list();
            }
            try {
                PriceList list = source.fetch();
                cache.put(provider, new CachedPriceList(list, now.plus(ttl), null));
                LOG.infof("read %d %s prices", list.monthlyByKey().size(), provider.id());
                return list;
            } catch (PriceDataUnavailableException e) {
                PriceList stale = cached == null ? null : cached.list();
                Duration retry = ttl.compareTo(STALE_RETRY) < 0 ? ttl : STALE_RETRY;
                cache.put(provider, new CachedPriceList(stale, stale == null ? now : now.plus(retry), e.getMessage()));
                if (stale == null) {
                    throw e;
                }
                LOG.warnf("keeping %s prices read at %s: %s", provider.id(), stale.fetchedAt(), e.getMessage());
                return stale;
            }
        }
    }

    /** The cache state of one provider's price list. */
    public record PriceDataState(int prices, Instant fetchedAt, Instant refreshAfter, String lastError) {

        public Optional<String> error() {
            return Optional.ofNullable(lastError);
        }
    }

    private record CachedPriceList(PriceList list, Instant refreshAfter, String lastError) {

        boolean isFresh(Instant now) {
            return list != null && now.isBefore(refreshAfter);
        }
    }
}
