package dev.provisioning.planner.client;

import dev.provisioning.planner.config.PlannerConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import me.tomsdevsn.hetznercloud.HetznerCloudAPI;
import me.tomsdevsn.hetznercloud.objects.enums.ImageType;
import me.tomsdevsn.hetznercloud.objects.general.Image;
import me.tomsdevsn.hetznercloud.objects.general.Location;
import me.tomsdevsn.hetznercloud.objects.general.ServerType;
import me.tomsdevsn.hetznercloud.objects.pagination.PaginationParameters;
import me.tomsdevsn.hetznercloud.objects.pricing.LocationPrice;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Reads Hetzner Cloud's locations, server types, load balancer types and system images through hetznercloud-api.
 * A server type is offered in the locations it has a price for; its successor is the current type of the same
 * series and size with a later generation (Hetzner's names end in the generation: cpx21 is followed by cpx22).
 */
@ApplicationScoped
public class HetznerCatalog implements HetznerListing {

    private static final int PER_PAGE = 50;

    private final PlannerConfig config;
    private final HetznerCloudAPI client;
    private volatile Listing cached;

    public HetznerCatalog(PlannerConfig config) {
        this.config = config;
        HttpUrl endpoint = HttpUrl.get(config.hetzner().endpoint());
        // No logging interceptor: OkHttp's would print the Authorization header.
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(36));
        if (!HetznerBaseUrl.isSdkBase(endpoint)) {
            http.addInterceptor(new HetznerBaseUrl(endpoint));
        }
        this.client = new HetznerCloudAPI(config.hetzner().token(), http.build());
    }

    @WithSpan("hetzner catalog")
    @Override
    public Listing listing() {
        Listing current = cached;
        if (current != null && current.readAt().plus(config.planner().catalogTtl()).isAfter(Instant.now())) {
            return current;
        }
        try {
            List<String> locations = client.getLocations().getLocations().stream().map(Location::getName).toList();
            List<ServerType> types = new ArrayList<>();
            for (int page = 1; ; page++) {
                List<ServerType> batch = client.getServerTypes(new PaginationParameters(page, PER_PAGE)).getServerTypes();
                types.addAll(batch);
                if (batch.size() < PER_PAGE) {
                    break;
                }
            }
            Map<String, ServerTypeOffer> serverTypes = new TreeMap<>();
            for (ServerType type : types) {
                List<String> offeredIn = type.getPrices() == null ? List.of()
                        : type.getPrices().stream().map(LocationPrice::getLocation).filter(Objects::nonNull).toList();
                serverTypes.put(type.getName(), new ServerTypeOffer(offeredIn, deprecation(type, types)));
            }
            List<String> loadBalancerTypes = client.getLoadBalancerTypes().getLoadBalancerTypes().stream()
                    .map(t -> t.getName()).toList();
            List<String> images = new ArrayList<>();
            for (int page = 1; ; page++) {
                var batch = client.getImagesByType(ImageType.system, new PaginationParameters(page, PER_PAGE));
                batch.getImages().stream().map(Image::getName).filter(Objects::nonNull)
                        .filter(name -> !images.contains(name)).forEach(images::add);
                if (batch.getMeta() == null || batch.getMeta().getPagination() == null
                        || batch.getMeta().getPagination().getNextPage() == null) {
                    break;
                }
            }
            cached = new Listing(locations, serverTypes, loadBalancerTypes, List.copyOf(images), Instant.now());
            return cached;
        } catch (RuntimeException e) {
            throw new CatalogUnavailableException("hetzner", redact(e.getMessage()), e);
        }
    }

    private static Deprecation deprecation(ServerType type, List<ServerType> all) {
        if (type.getDeprecation() == null) {
            return null;
        }
        String replacement = all.stream()
                .filter(other -> other.getDeprecation() == null && !Boolean.TRUE.equals(other.getDeprecated()))
                .filter(other -> isLaterGeneration(other.getName(), type.getName()))
                .min(Comparator.comparing(ServerType::getName)).map(ServerType::getName).orElse(null);
        return new Deprecation(instant(type.getDeprecation().getAnnounced()),
                instant(type.getDeprecation().getUnavailable_after()), replacement);
    }

    /** cpx22 against cpx21: the same name up to its last character, a digit that is higher. */
    static boolean isLaterGeneration(String candidate, String deprecated) {
        if (candidate == null || deprecated == null || candidate.length() != deprecated.length()
                || candidate.length() < 2) {
            return false;
        }
        int last = candidate.length() - 1;
        return candidate.substring(0, last).equals(deprecated.substring(0, last))
                && Character.isDigit(candidate.charAt(last)) && Character.isDigit(deprecated.charAt(last))
                && candidate.charAt(last) > deprecated.charAt(last);
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private String redact(String message) {
        String token = config.hetzner().token();
        return message == null || token == null || token.isEmpty() ? message : message.replace(token, "[redacted]");
    }
}
