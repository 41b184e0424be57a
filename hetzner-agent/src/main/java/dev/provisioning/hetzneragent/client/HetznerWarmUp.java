package dev.provisioning.hetzneragent.client;

import dev.provisioning.agent.warmup.ProviderWarmUp;
import dev.provisioning.hetzneragent.config.HetznerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Lists the locations through hetznercloud-api once, so the SDK, its JSON mapping and the OkHttp client (with its
 * interceptors) are loaded and connected before the first command.
 */
@ApplicationScoped
public class HetznerWarmUp implements ProviderWarmUp {

    private final HetznerCloud api;
    private final HetznerConfig config;

    public HetznerWarmUp(HetznerCloud api, HetznerConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public String warmUp() {
        int locations = api.locations().size();
        return "hetznercloud-api client (GET /locations: " + locations + " locations)";
    }

    @Override
    public List<String> secrets() {
        return List.of(config.token());
    }
}
