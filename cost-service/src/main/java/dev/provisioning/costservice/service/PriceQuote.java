package dev.provisioning.costservice.service;

import dev.provisioning.contracts.Provider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;

/**
 * The monthly price of one price key, in USD, with the provider's listed amount it came from.
 *
 * @param monthlyUsd     rounded to cents; for a key priced per unit, the price of one unit
 * @param listedMonthly  the amount in the provider's own price list
 * @param listedCurrency the currency of that list (USD for DigitalOcean and AWS, EUR for Hetzner)
 * @param listedAt       when the price list was read from the provider
 * @param unit           what one unit is ({@code GB}) for keys priced per unit, null for keys priced per resource
 * @param unitUsd        the unrounded USD price of one unit (or of the resource), so that many small units add up
 *                       without a rounding error per unit
 */
public record PriceQuote(Provider provider, String priceKey, BigDecimal monthlyUsd, BigDecimal listedMonthly,
                         Currency listedCurrency, Instant listedAt, String unit, BigDecimal unitUsd) {

    /** Shown precision of a per-unit price: a Hetzner GB-month costs fractions of a cent. */
    private static final int UNIT_PRICE_SCALE = 4;

    /** A quote for a key priced per resource. */
    public PriceQuote(Provider provider, String priceKey, BigDecimal monthlyUsd, BigDecimal listedMonthly,
                      Currency listedCurrency, Instant listedAt) {
        this(provider, priceKey, monthlyUsd, listedMonthly, listedCurrency, listedAt, null, monthlyUsd);
    }

    public boolean perUnit() {
        return unit != null;
    }

    /**
     * The monthly USD amount of {@code quantity} resources (or units): per-resource prices are whole cents and
     * multiply exactly; per-unit prices are multiplied unrounded and the total rounded to cents once.
     */
    public BigDecimal monthlyUsdFor(long quantity) {
        BigDecimal amount = perUnit() ? unitUsd : monthlyUsd;
        return CurrencyConverter.cents(amount.multiply(BigDecimal.valueOf(quantity)));
    }

    /** The price of one resource, or of one unit to four decimals for keys priced per unit. */
    public BigDecimal unitMonthlyUsd() {
        return perUnit() ? unitUsd.setScale(UNIT_PRICE_SCALE, RoundingMode.HALF_UP) : monthlyUsd;
    }
}
