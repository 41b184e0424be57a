package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * The monthly price of one price key, in USD, with the provider's listed amount it came from.
 *
 * @param monthlyUsd     rounded to cents
 * @param listedMonthly  the amount in the provider's own price list
 * @param listedCurrency the currency of that list (USD for DigitalOcean, EUR for Hetzner)
 * @param listedAt       when the price list was read from the provider
 */
public record PriceQuote(Provider provider, String priceKey, BigDecimal monthlyUsd, BigDecimal listedMonthly,
                         Currency listedCurrency, Instant listedAt) {
}
