package dev.provisioning.costservice;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a stored resource has a price, and if not, why: an unpriced resource is kept, never dropped. */
public enum PriceStatus {
    PRICED("priced", false),
    /**
     * No price key, and none is due: the resource has no charge of its own (a private network, or a database replica
     * on a server of the workspace that is priced itself). Counted at $0.00, shown as included.
     */
    INCLUDED("included", false),
    /** The ready event named no price key; only a new event can fix that. */
    NO_PRICE_KEY("no-price-key", false),
    /** No price source for the provider yet; retried, since one may be configured later. */
    UNSUPPORTED_PROVIDER("unsupported-provider", true),
    /** The key is priced per unit (a volume's GB) and the ready event carried no usable quantity in {@code size}. */
    NO_QUANTITY("no-quantity", false),
    /** The key is not in the provider's price list; retried, since the list changes when sizes launch. */
    UNKNOWN_PRICE_KEY("unknown-price-key", true),
    /** The provider's price list could not be read; retried. */
    PRICE_DATA_UNAVAILABLE("price-data-unavailable", true);

    private final String id;
    private final boolean retryable;

    PriceStatus(String id, boolean retryable) {
        this.id = id;
        this.retryable = retryable;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Whether the resource has a monthly amount that counts in the totals ({@link #PRICED} or {@link #INCLUDED}). */
    public boolean counted() {
        return this == PRICED || this == INCLUDED;
    }
}
