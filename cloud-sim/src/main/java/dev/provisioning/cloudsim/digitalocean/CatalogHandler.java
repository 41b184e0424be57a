package dev.provisioning.cloudsim.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import java.util.List;
import java.util.function.Function;

/** {@code /v2/sizes}, {@code /v2/regions} and {@code /v2/images}: the read-only offer of the account. */
final class CatalogHandler {

    private final DigitalOceanCatalog catalog;
    private final DigitalOceanJson json;

    CatalogHandler(DigitalOceanCatalog catalog, DigitalOceanJson json) {
        this.catalog = catalog;
        this.json = json;
    }

    SimResponse sizes(SimRequest request, List<String> rest) {
        requireListing(request, rest);
        return page(request, "sizes", catalog.sizes(), json::size);
    }

    SimResponse regions(SimRequest request, List<String> rest) {
        requireListing(request, rest);
        return page(request, "regions", catalog.regions(), json::region);
    }

    /** Lists distribution images, or shows one by id or slug; the account has no private images. */
    SimResponse images(SimRequest request, List<String> rest) {
        if (!request.method().equals("GET")) {
            throw DigitalOceanApi.methodNotAllowed();
        }
        if (rest.size() == 1) {
            DigitalOceanCatalog.Image image = catalog.image(rest.get(0))
                    .orElseThrow(RejectedDigitalOceanRequest::notFound);
            ObjectNode body = SimJson.object();
            body.set("image", json.image(image));
            return SimResponse.json(200, body);
        }
        if (!rest.isEmpty()) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        boolean onlyOtherKinds = request.queryParam("private").filter("true"::equals).isPresent()
                || request.queryParam("type").filter(type -> !type.equals("distribution")).isPresent();
        List<DigitalOceanCatalog.Image> images = onlyOtherKinds ? List.of() : catalog.images();
        return page(request, "images", images, json::image);
    }

    private static <T> SimResponse page(SimRequest request, String key, List<T> items, Function<T, ObjectNode> render) {
        DigitalOceanPages pages = DigitalOceanPages.of(request);
        ObjectNode body = SimJson.object();
        body.set(key, DigitalOceanJson.array(pages.slice(items).stream().map(render).toList()));
        return SimResponse.json(200, pages.decorate(body, items.size()));
    }

    private static void requireListing(SimRequest request, List<String> rest) {
        if (!rest.isEmpty()) {
            throw RejectedDigitalOceanRequest.notFound();
        }
        if (!request.method().equals("GET")) {
            throw DigitalOceanApi.methodNotAllowed();
        }
    }
}
