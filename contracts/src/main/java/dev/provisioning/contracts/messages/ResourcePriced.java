package dev.provisioning.contracts.messages;

import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.ResourceAddress;
import java.math.BigDecimal;
import java.time.Instant;

/** Event from cost-service: what one resource costs per month, in USD, from the provider's own price data. */
public record ResourcePriced(String rolloutId, ResourceAddress address, Provider provider, String priceKey,
                             BigDecimal monthlyUsd, Instant pricedAt) implements ProvisioningMessage {

    public ResourcePriced {
        Require.present(address, "address");
        Require.present(provider, "provider");
        Require.text(priceKey, "priceKey");
        Require.present(monthlyUsd, "monthlyUsd");
        Require.present(pricedAt, "pricedAt");
    }

    @Override
    public String key() {
        return address.toString();
    }
}
