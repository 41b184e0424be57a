package dev.provisioning.planner.bench;

import dev.provisioning.planner.client.DigitalOceanListing;
import dev.provisioning.planner.model.WorkspaceDefinition;
import dev.provisioning.planner.service.CatalogValidation;
import dev.provisioning.planner.service.RolloutGraph;
import dev.provisioning.planner.service.WorkspaceParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Parses, validates and plans a generated workspace of N regions × 10 resources (a VPC, eight droplets, a load
 * balancer per region) and prints the time of each phase. Not a test: figures on a shared machine are noisy.
 * Run with {@code planner-service/benchmarks/run [regions] [rounds]}.
 */
public final class PlanningBenchmark {

    private PlanningBenchmark() {
    }

    public static void main(String[] args) {
        int regions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String json = workspace(regions);
        System.out.printf("workspace: %d regions x 10 resources, %d KiB of JSON%n", regions, json.length() / 1024);
        WorkspaceParser parser = new WorkspaceParser();
        // The catalog as cloud-sim lists it, without the HTTP round trip (cached in the service anyway).
        DigitalOceanListing.Listing listing = new DigitalOceanListing.Listing(
                List.of("nyc1", "nyc3", "sfo3", "ams3", "fra1", "lon1", "sgp1"),
                Map.of("s-1vcpu-1gb", List.of("nyc3"), "s-2vcpu-4gb", List.of("nyc1", "nyc3", "sgp1")), Instant.now());
        // The workspace is DigitalOcean only: the other providers' catalogs are never asked.
        CatalogValidation validation = new CatalogValidation(() -> listing, () -> {
            throw new IllegalStateException("no Hetzner region in the benchmark workspace");
        }, null);
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            WorkspaceDefinition definition = parser.parse("bench", json);
            long t1 = System.nanoTime();
            validation.check(definition);
            long t2 = System.nanoTime();
            List<RolloutGraph.Node> nodes = RolloutGraph.of(definition, null);
            long t3 = System.nanoTime();
            System.out.printf("round %d: parse %6.1f ms  validate %6.1f ms  plan %6.1f ms  total %6.1f ms  (%d graph nodes)%n",
                    round, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t0), nodes.size());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static String workspace(int regions) {
        StringBuilder json = new StringBuilder("{\"dns\": {\"domain\": \"api.example.com\", \"healthCheck\": {}},"
                + " \"regions\": {");
        for (int r = 0; r < regions; r++) {
            if (r > 0) {
                json.append(',');
            }
            json.append("\"r").append(r).append("\": {\"provider\": \"digitalocean\", \"location\": \"nyc3\",")
                    .append(" \"dnsLabel\": \"r").append(r).append("\", \"resources\": [")
                    .append("{\"kind\": \"vpc\", \"name\": \"net\", \"ip_range\": \"10.0.0.0/16\"},")
                    .append("{\"kind\": \"droplet\", \"name\": \"app\", \"count\": 8, \"size\": \"s-2vcpu-4gb\", \"vpc\": \"net\"},")
                    .append("{\"kind\": \"load-balancer\", \"name\": \"lb\", \"targets\": [\"app\"], \"vpc\": \"net\",")
                    .append(" \"forwarding_rules\": [{\"entry_protocol\": \"https\", \"entry_port\": 443,")
                    .append(" \"certificate_id\": \"cert-1\"}]}]}");
        }
        return json.append("}}").toString();
    }
}
