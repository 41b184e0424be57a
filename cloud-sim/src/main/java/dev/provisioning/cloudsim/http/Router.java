package dev.provisioning.cloudsim.http;

import java.util.List;
import java.util.Optional;

/** Picks the provider API for a request from its path; requests to {@code /} go to the AWS query protocol. */
public final class Router {

    /** An API mounted under a path prefix such as {@code /v2/}. */
    public record Mount(String pathPrefix, ProviderApi api) {
    }

    private final List<Mount> mounts;
    private final ProviderApi rootApi;

    /**
     * @param mounts  APIs by path prefix, tried in order
     * @param rootApi API answering requests to exactly {@code /}
     */
    public Router(List<Mount> mounts, ProviderApi rootApi) {
        this.mounts = List.copyOf(mounts);
        this.rootApi = rootApi;
    }

    public Optional<ProviderApi> route(SimRequest request) {
        String path = request.path();
        if (path.equals("/")) {
            return Optional.of(rootApi);
        }
        for (Mount mount : mounts) {
            String prefix = mount.pathPrefix();
            String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (path.startsWith(prefix) || path.equals(bare)) {
                return Optional.of(mount.api());
            }
        }
        return Optional.empty();
    }
}
