package dev.provisioning.costservice.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.config.CostConfig;
import dev.provisioning.costservice.config.TestCostConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceCatalogTests {

    @Test
    void convertsEuroPricesAtTheConfiguredRate() {
        FakeSource hetzner = new FakeSource(Provider.HETZNER, CurrencyConverter.EUR,
                Map.of("hetzner:server-type:cpx22", new BigDecimal("20.90")));
        PriceCatalog catalog = catalog(Duration.ofHours(1), hetzner);

        PriceQuote quote = catalog.quote(Provider.HETZNER, "hetzner:server-type:cpx22");

        // 20.90 EUR x 1.10 = 22.99 USD
        assertEquals(new BigDecimal("22.99"), quote.monthlyUsd());
        assertEquals(new BigDecimal("20.90"), quote.listedMonthly());
        assertEquals(CurrencyConverter.EUR, quote.listedCurrency());
    }

    @Test
    void readsThePriceListOncePerTtl() {
        FakeSource source = digitalOcean();
        PriceCatalog catalog = catalog(Duration.ofHours(1), source);

        catalog.quote(Provider.DIGITALOCEAN, "digitalocean:size:s-2vcpu-4gb");
        catalog.quote(Provider.DIGITALOCEAN, "digitalocean:size:s-1vcpu-1gb");

        assertEquals(1, source.fetches);
    }

    @Test
    void keepsServingTheLastListWhenARefreshFails() {
        FakeSource source = digitalOcean();
        PriceCatalog catalog = catalog(Duration.ZERO, source);
        catalog.quote(Provider.DIGITALOCEAN, "digitalocean:size:s-2vcpu-4gb");

        source.down = true;
        PriceQuote quote = catalog.quote(Provider.DIGITALOCEAN, "digitalocean:size:s-2vcpu-4gb");

        assertEquals(new BigDecimal("24.00"), quote.monthlyUsd());
        assertTrue(catalog.state().get(Provider.DIGITALOCEAN).error().isPresent());
    }

    @Test
    void failsWhenNoListWasEverRead() {
        FakeSource source = digitalOcean();
        source.down = true;
        PriceCatalog catalog = catalog(Duration.ofHours(1), source);

        assertThrows(PriceDataUnavailableException.class,
                () -> catalog.quote(Provider.DIGITALOCEAN, "digitalocean:size:s-2vcpu-4gb"));
    }

    @Test
    void rejectsUnknownKeysAndProvidersWithoutSource() {
        PriceCatalog catalog = catalog(Duration.ofHours(1), digitalOcean());

        UnknownPriceKeyException unknown = assertThrows(UnknownPriceKeyException.class,
                () -> catalog.quote(Provider.DIGITALOCEAN, "digitalocean:size:nope"));
        assertTrue(unknown.allowed().contains("digitalocean:size:s-2vcpu-4gb"), unknown.allowed());
        UnsupportedProviderException unsupported = assertThrows(UnsupportedProviderException.class,
                () -> catalog.quote(Provider.AWS, "aws:ec2:t3.medium"));
        assertEquals("digitalocean", unsupported.allowed());
    }

    private static FakeSource digitalOcean() {
        return new FakeSource(Provider.DIGITALOCEAN, CurrencyConverter.USD, Map.of(
                "digitalocean:size:s-2vcpu-4gb", new BigDecimal("24"),
                "digitalocean:size:s-1vcpu-1gb", new BigDecimal("6")));
    }

    private static PriceCatalog catalog(Duration ttl, PriceSource... sources) {
        CostConfig config = TestCostConfig.defaults()
                .withEurUsdRate(new BigDecimal("1.10"), LocalDate.of(2024, 12, 31))
                .withPriceCacheTtl(ttl);
        return new PriceCatalog(List.of(sources), new CurrencyConverter(config), config);
    }

    private static final class FakeSource implements PriceSource {
        private final Provider provider;
        private final Currency currency;
        private final Map<String, BigDecimal> prices;
        private int fetches;
        private boolean down;

        FakeSource(Provider provider, Currency currency, Map<String, BigDecimal> prices) {
            this.provider = provider;
            this.currency = currency;
            this.prices = prices;
        }

        @Override
        public Provider provider() {
            return provider;
        }

        @Override
        public String keyFormat() {
            return provider.id() + ":size:<slug>";
        }

        @Override
        public PriceList fetch() {
            if (down) {
                throw new PriceDataUnavailableException(provider, provider.id() + " is down", null);
            }
            fetches++;
            return new PriceList(provider, currency, prices, Instant.now());
        }
    }
}
