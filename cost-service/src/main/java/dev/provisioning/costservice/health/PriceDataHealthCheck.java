package dev.provisioning.costservice.health;

import dev.provisioning.contracts.Provider;
import dev.provisioning.costservice.service.PriceCatalog;
import dev.provisioning.costservice.service.PriceCatalog.PriceDataState;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Reports each provider's cached price list under {@code /q/health/well}. Not a readiness check: events are still
 * stored (as unpriced, retried later) while a provider's price API is down, so the service stays ready.
 */
@Wellness
@ApplicationScoped
public class PriceDataHealthCheck implements HealthCheck {

    private final PriceCatalog catalog;

    public PriceDataHealthCheck(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("price data").up();
        for (Map.Entry<Provider, PriceDataState> entry : catalog.state().entrySet()) {
            PriceDataState state = entry.getValue();
            String id = entry.getKey().id();
            response.withData(id + ".prices", state.prices());
            if (state.fetchedAt() != null) {
                response.withData(id + ".fetchedAt", state.fetchedAt().toString());
            }
            state.error().ifPresent(error -> response.withData(id + ".lastError", error));
            if (state.fetchedAt() == null && state.error().isPresent()) {
                response.down();
            }
        }
        return response.build();
    }
}
