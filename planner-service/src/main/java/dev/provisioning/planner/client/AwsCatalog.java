package dev.provisioning.planner.client;

import dev.provisioning.planner.config.PlannerConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/**
 * Reads EC2's regions ({@code DescribeRegions}), each region's instance types ({@code DescribeInstanceTypes}) and
 * AMIs ({@code DescribeImages} filtered by id: the public AMI catalog is far too large to list) through the AWS SDK,
 * each cached for the catalog TTL.
 */
@ApplicationScoped
public class AwsCatalog implements AwsListing {

    /** The region the region list itself is asked in. */
    private static final String HOME_REGION = "us-east-1";

    private record Cached<T>(T value, Instant readAt) {
    }

    private final PlannerConfig config;
    private final Map<String, Ec2Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Cached<List<String>>> instanceTypes = new ConcurrentHashMap<>();
    private final Map<String, Cached<Boolean>> images = new ConcurrentHashMap<>();
    private volatile Cached<List<String>> regions;

    public AwsCatalog(PlannerConfig config) {
        this.config = config;
    }

    @WithSpan("aws regions")
    @Override
    public List<String> regions() {
        Cached<List<String>> current = regions;
        if (fresh(current)) {
            return current.value();
        }
        List<String> names = call(() -> ec2(HOME_REGION).describeRegions().regions().stream()
                .map(software.amazon.awssdk.services.ec2.model.Region::regionName).sorted().toList());
        regions = new Cached<>(names, Instant.now());
        return names;
    }

    @WithSpan("aws instance types")
    @Override
    public List<String> instanceTypes(String region) {
        Cached<List<String>> current = instanceTypes.get(region);
        if (fresh(current)) {
            return current.value();
        }
        List<String> names = call(() -> ec2(region).describeInstanceTypesPaginator(r -> r.maxResults(100)).stream()
                .flatMap(page -> page.instanceTypes().stream()).map(InstanceTypeInfo::instanceTypeAsString)
                .sorted().toList());
        instanceTypes.put(region, new Cached<>(names, Instant.now()));
        return names;
    }

    @WithSpan("aws images")
    @Override
    public Set<String> existingImages(String region, Collection<String> imageIds) {
        Set<String> existing = new HashSet<>();
        List<String> unknown = imageIds.stream().distinct().filter(id -> {
            Cached<Boolean> known = images.get(region + "/" + id);
            if (fresh(known)) {
                if (known.value()) {
                    existing.add(id);
                }
                return false;
            }
            return true;
        }).toList();
        if (!unknown.isEmpty()) {
            // A filter, unlike ImageIds, answers with the AMIs that exist instead of failing on the first that does not.
            Set<String> found = call(() -> new HashSet<>(ec2(region).describeImagesPaginator(r -> r
                            .filters(Filter.builder().name("image-id").values(unknown).build()))
                    .images().stream().map(Image::imageId).toList()));
            Instant now = Instant.now();
            for (String id : unknown) {
                images.put(region + "/" + id, new Cached<>(found.contains(id), now));
            }
            existing.addAll(found);
        }
        return existing;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(Ec2Client::close);
    }

    private boolean fresh(Cached<?> cached) {
        return cached != null && cached.readAt().plus(config.planner().catalogTtl()).isAfter(Instant.now());
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new CatalogUnavailableException("aws", e.getMessage(), e);
        }
    }

    private Ec2Client ec2(String region) {
        return clients.computeIfAbsent(region, r -> {
            Ec2ClientBuilder builder = Ec2Client.builder()
                    .region(Region.of(r))
                    .credentialsProvider(credentials())
                    .httpClientBuilder(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(5))
                            .socketTimeout(Duration.ofSeconds(30)));
            config.aws().endpoint().filter(e -> !e.isBlank()).map(URI::create).ifPresent(builder::endpointOverride);
            return builder.build();
        });
    }

    private AwsCredentialsProvider credentials() {
        var aws = config.aws();
        if (aws.accessKeyId().isPresent() && aws.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(aws.accessKeyId().get(), aws.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
