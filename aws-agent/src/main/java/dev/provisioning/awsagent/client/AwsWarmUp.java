package dev.provisioning.awsagent.client;

import dev.provisioning.agent.warmup.ProviderWarmUp;
import dev.provisioning.awsagent.config.AwsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the EC2, ELBv2 and RDS clients of each warm-up region and makes one cheap read with each
 * ({@code DescribeAvailabilityZones}, {@code DescribeLoadBalancers} with page size 1, {@code DescribeDBInstances} with
 * 20 records at most), so the SDK's classes, marshallers and HTTP stack are loaded before the first command. The
 * clients are the ones commands then use. Stops at the first failure.
 */
@ApplicationScoped
public class AwsWarmUp implements ProviderWarmUp {

    private final AwsClients clients;
    private final AwsConfig config;

    public AwsWarmUp(AwsClients clients, AwsConfig config) {
        this.clients = clients;
        this.config = config;
    }

    @Override
    public String warmUp() {
        List<String> regions = regions(config);
        for (String region : regions) {
            AwsFailures.call("warm-up DescribeAvailabilityZones in " + region,
                    () -> clients.ec2(region).describeAvailabilityZones());
            AwsFailures.call("warm-up DescribeLoadBalancers in " + region,
                    () -> clients.elb(region).describeLoadBalancers(request -> request.pageSize(1)));
            AwsFailures.call("warm-up DescribeDBInstances in " + region,
                    () -> clients.rds(region).describeDBInstances(request -> request.maxRecords(20)));
        }
        return "EC2, ELBv2 and RDS clients in " + String.join(", ", regions);
    }

    @Override
    public List<String> secrets() {
        return Stream.of(config.secretAccessKey(), config.accessKeyId()).flatMap(Optional::stream).toList();
    }

    /** {@code provisioning.aws.warm-up-regions} without blanks and repeats, else the default region alone. */
    static List<String> regions(AwsConfig config) {
        List<String> listed = config.warmUpRegions().orElse(List.of()).stream().map(String::strip)
                .filter(region -> !region.isEmpty()).distinct().toList();
        return listed.isEmpty() ? List.of(config.region()) : listed;
    }
}
