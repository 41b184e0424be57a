package dev.provisioning.costservice.service;

import dev.provisioning.costservice.config.CostConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;

/** Turns provider list prices into US dollars, rounded to cents, at the configured EUR rate. */
@ApplicationScoped
public class CurrencyConverter {

    public static final Currency USD = Currency.getInstance("USD");
    public static final Currency EUR = Currency.getInstance("EUR");

    private final BigDecimal eurUsdRate;
    private final LocalDate rateDate;

    public CurrencyConverter(CostConfig config) {
        if (config.eurUsdRate().signum() <= 0) {
            throw new IllegalArgumentException("provisioning.cost.eur-usd-rate must be positive, got "
                    + config.eurUsdRate().toPlainString());
        }
        this.eurUsdRate = config.eurUsdRate();
        this.rateDate = config.eurUsdRateDate();
    }

    public BigDecimal toUsd(BigDecimal amount, Currency currency) {
        return cents(toUsdUnrounded(amount, currency));
    }

    /** For prices of small units (a GB-month), which are only rounded once multiplied by the quantity. */
    public BigDecimal toUsdUnrounded(BigDecimal amount, Currency currency) {
        if (USD.equals(currency)) {
            return amount;
        }
        if (EUR.equals(currency)) {
            return amount.multiply(eurUsdRate);
        }
        throw new IllegalArgumentException("no rate from " + currency.getCurrencyCode() + " to USD; rates exist for EUR");
    }

    public BigDecimal eurUsdRate() {
        return eurUsdRate;
    }

    public LocalDate rateDate() {
        return rateDate;
    }

    /** Money in this service is always USD with two decimals. */
    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
