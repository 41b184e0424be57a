package dev.provisioning.cloudsim.hetzner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.cloudsim.http.SimJson;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The read-only catalog: locations, datacenters, server types, images, load balancer types and pricing. */
final class CatalogHandler {

    SimResponse handle(SimRequest request, String collection, List<String> rest) {
        HetznerApi.requireMethod(request, "GET");
        if (collection.equals("pricing")) {
            return SimResponse.json(200, HetznerJson.pricing());
        }
        String name = request.queryParam("name").orElse(null);
        return switch (collection) {
            case "locations" -> answer(request, rest, "locations", "location", HetznerCatalog.LOCATIONS,
                    HetznerCatalog.Location::id, HetznerCatalog.Location::name, HetznerJson::location, name);
            case "datacenters" -> answer(request, rest, "datacenters", "datacenter", HetznerCatalog.DATACENTERS,
                    HetznerCatalog.Datacenter::id, HetznerCatalog.Datacenter::name, HetznerJson::datacenter, name);
            case "server_types" -> answer(request, rest, "server_types", "server_type", HetznerCatalog.SERVER_TYPES,
                    HetznerCatalog.ServerType::id, HetznerCatalog.ServerType::name, HetznerJson::serverType, name);
            case "load_balancer_types" -> answer(request, rest, "load_balancer_types", "load_balancer_type",
                    HetznerCatalog.LOAD_BALANCER_TYPES, HetznerCatalog.LoadBalancerType::id,
                    HetznerCatalog.LoadBalancerType::name, HetznerJson::loadBalancerType, name);
            default -> images(request, rest, name);
        };
    }

    private SimResponse images(SimRequest request, List<String> rest, String name) {
        String architecture = request.queryParam("architecture").orElse(null);
        List<HetznerCatalog.Image> images = HetznerCatalog.IMAGES.stream()
                .filter(i -> architecture == null || i.architecture().equals(architecture))
                .filter(i -> request.queryParam("type").map(t -> t.equals("system")).orElse(true))
                .toList();
        return answer(request, rest, "images", "image", images, HetznerCatalog.Image::id, HetznerCatalog.Image::name,
                HetznerJson::image, name);
    }

    private static <T> SimResponse answer(SimRequest request, List<String> rest, String listKey, String itemKey,
            List<T> all, Function<T, Long> id, Function<T, String> nameOf, Function<T, ObjectNode> render,
            String name) {
        if (rest.size() == 1) {
            long wanted = HetznerApi.parseId(rest.get(0));
            Optional<T> item = all.stream().filter(i -> id.apply(i) == wanted).findFirst();
            return SimResponse.json(200, SimJson.object().set(itemKey, render.apply(
                    item.orElseThrow(() -> RejectedHetznerRequest.notFound(itemKey.replace('_', ' '))))));
        }
        if (!rest.isEmpty()) {
            throw RejectedHetznerRequest.notFound("resource");
        }
        List<ObjectNode> matching = all.stream().filter(i -> name == null || name.equals(nameOf.apply(i)))
                .map(render).toList();
        return HetznerApi.listing(request, listKey, matching);
    }
}
