package dev.provisioning.cloudsim.aws.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.fault.Fault;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;
import software.amazon.awssdk.services.pricing.model.InvalidNextTokenException;
import software.amazon.awssdk.services.pricing.model.InvalidParameterException;
import software.amazon.awssdk.services.pricing.model.PricingException;

/** The Price List Query API emulation exercised through the AWS SDK for Java v2's {@code PricingClient}. */
class PricingSdkTest {

    static CloudSim sim;
    static final ObjectMapper JSON = new ObjectMapper();
    PricingClient pricing;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void client() {
        sim.reset();
        pricing = PricingClient.builder().endpointOverride(URI.create(sim.url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void close() {
        pricing.close();
    }

    @Test
    void linuxT3MediumInSingaporeIsOneProductAtItsHourlyPrice() throws Exception {
        GetProductsResponse response = pricing.getProducts(ec2("t3.medium", "ap-southeast-1"));

        assertEquals("aws_v1", response.formatVersion());
        assertEquals(1, response.priceList().size(), response.priceList().toString());
        assertNull(response.nextToken());
        JsonNode product = JSON.readTree(response.priceList().get(0));
        JsonNode attributes = product.path("product").path("attributes");
        assertEquals("t3.medium", attributes.path("instanceType").asText());
        assertEquals("Asia Pacific (Singapore)", attributes.path("location").asText());
        assertEquals("APS1-BoxUsage:t3.medium", attributes.path("usagetype").asText());
        assertEquals("Compute Instance", product.path("product").path("productFamily").asText());
        JsonNode dimension = onlyPriceDimension(product);
        assertEquals("Hrs", dimension.path("unit").asText());
        // The simulated world's price, tuned so that 3 x t3.medium x 730 h come to the seed's $80 (3 x $26.65).
        assertEquals(0, new BigDecimal("0.0365").compareTo(new BigDecimal(dimension.path("pricePerUnit").path("USD").asText())));
    }

    @Test
    void regionCanBeNamedByLocationAndPricesDifferPerRegion() throws Exception {
        GetProductsResponse frankfurt = pricing.getProducts(r -> r.serviceCode("AmazonEC2").formatVersion("aws_v1")
                .filters(term("instanceType", "t3.medium"), term("location", "EU (Frankfurt)"),
                        term("operatingSystem", "Linux"), term("tenancy", "Shared"), term("preInstalledSw", "NA"),
                        term("capacitystatus", "Used")));
        GetProductsResponse virginia = pricing.getProducts(ec2("t3.medium", "us-east-1"));

        assertEquals("0.0480000000", onlyPriceDimension(JSON.readTree(frankfurt.priceList().get(0)))
                .path("pricePerUnit").path("USD").asText());
        assertEquals("0.0416000000", onlyPriceDimension(JSON.readTree(virginia.priceList().get(0)))
                .path("pricePerUnit").path("USD").asText());
    }

    @Test
    void withoutTheLinuxAndCapacityFiltersSeveralProductsMatch() {
        GetProductsResponse response = pricing.getProducts(r -> r.serviceCode("AmazonEC2")
                .filters(term("instanceType", "t3.medium"), term("regionCode", "ap-southeast-1")));

        assertEquals(3, response.priceList().size());
    }

    @Test
    void applicationLoadBalancerHourAndLcuHourAreListedPerRegion() throws Exception {
        GetProductsResponse response = pricing.getProducts(r -> r.serviceCode("AWSELB").formatVersion("aws_v1")
                .filters(term("regionCode", "ap-southeast-1"), term("productFamily", "Load Balancer-Application")));

        assertEquals(2, response.priceList().size());
        JsonNode hourly = null;
        for (String entry : response.priceList()) {
            JsonNode product = JSON.readTree(entry);
            if (product.path("product").path("attributes").path("usagetype").asText().equals("APS1-LoadBalancerUsage")) {
                hourly = product;
            }
        }
        assertEquals("Load Balancer-Application", hourly.path("product").path("productFamily").asText());
        // $0.0274 x 730 h = $20.00, the seed's ~$20 load balancer.
        assertEquals("0.0274000000", onlyPriceDimension(hourly).path("pricePerUnit").path("USD").asText());
    }

    @Test
    void postgresqlSingleAzDbT3MediumInSingaporeIsOneDatabaseInstanceProduct() throws Exception {
        GetProductsResponse response = pricing.getProducts(r -> r.serviceCode("AmazonRDS").formatVersion("aws_v1")
                .filters(term("regionCode", "ap-southeast-1"), term("instanceType", "db.t3.medium"),
                        term("databaseEngine", "PostgreSQL"), term("deploymentOption", "Single-AZ")));

        assertEquals(1, response.priceList().size(), response.priceList().toString());
        JsonNode product = JSON.readTree(response.priceList().get(0));
        JsonNode attributes = product.path("product").path("attributes");
        assertEquals("Database Instance", product.path("product").path("productFamily").asText());
        assertEquals("AmazonRDS", product.path("serviceCode").asText());
        assertEquals("Asia Pacific (Singapore)", attributes.path("location").asText());
        assertEquals("APS1-InstanceUsage:db.t3.medium", attributes.path("usagetype").asText());
        JsonNode dimension = onlyPriceDimension(product);
        assertEquals("Hrs", dimension.path("unit").asText());
        // $0.0411 x 730 h = $30.00, the seed's database line for the APAC read replica.
        assertEquals("0.0411000000", dimension.path("pricePerUnit").path("USD").asText());
    }

    @Test
    void rdsListsEveryEngineAndDeploymentOptionMultiAzAtTwiceSingleAz() throws Exception {
        GetProductsResponse response = pricing.getProducts(r -> r.serviceCode("AmazonRDS")
                .filters(term("regionCode", "us-east-1"), term("instanceType", "db.t3.micro")));

        assertEquals(4, response.priceList().size(), response.priceList().toString());
        BigDecimal single = null;
        BigDecimal multi = null;
        for (String entry : response.priceList()) {
            JsonNode product = JSON.readTree(entry);
            JsonNode attributes = product.path("product").path("attributes");
            BigDecimal usd = new BigDecimal(onlyPriceDimension(product).path("pricePerUnit").path("USD").asText());
            if (attributes.path("databaseEngine").asText().equals("PostgreSQL")) {
                if (attributes.path("deploymentOption").asText().equals("Single-AZ")) {
                    single = usd;
                } else {
                    multi = usd;
                }
            }
        }
        assertEquals(0, single.multiply(BigDecimal.valueOf(2)).compareTo(multi), single + " / " + multi);
        assertEquals(List.of("AmazonEC2", "AmazonRDS", "AWSELB").stream().sorted().toList(),
                pricing.describeServices(r -> { }).services().stream().map(s -> s.serviceCode()).toList());
    }

    @Test
    void pagesThroughEveryEc2ProductWithNextToken() {
        List<String> all = new ArrayList<>();
        pricing.getProductsPaginator(r -> r.serviceCode("AmazonEC2").maxResults(7)
                        .filters(term("regionCode", "eu-central-1")))
                .forEach(page -> all.addAll(page.priceList()));

        // Six instance types, each as Linux, Linux on unused reservations and Windows.
        assertEquals(18, all.size());
        assertEquals(18, all.stream().distinct().count());
    }

    @Test
    void invalidRequestsAreRefusedAsAwsRefusesThem() {
        InvalidParameterException unknownService = assertThrows(InvalidParameterException.class,
                () -> pricing.getProducts(r -> r.serviceCode("AmazonNothing")));
        assertTrue(unknownService.getMessage().contains("AmazonNothing"), unknownService.getMessage());
        assertEquals(400, unknownService.statusCode());

        assertThrows(InvalidParameterException.class,
                () -> pricing.getProducts(r -> r.serviceCode("AmazonEC2").maxResults(101)));
        assertThrows(InvalidNextTokenException.class,
                () -> pricing.getProducts(r -> r.serviceCode("AmazonEC2").nextToken("bm90LWEtdG9rZW4")));
    }

    @Test
    void injectedOutageIsAnInternalError() {
        sim.faults().add(Fault.of("pricing", "/", "POST", 500, 1));

        PricingException failure = assertThrows(PricingException.class,
                () -> pricing.getProducts(ec2("t3.medium", "ap-southeast-1")));
        assertEquals(500, failure.statusCode());
        assertEquals("InternalErrorException", failure.awsErrorDetails().errorCode());
    }

    private static GetProductsRequest ec2(String instanceType, String region) {
        return GetProductsRequest.builder().serviceCode("AmazonEC2").formatVersion("aws_v1")
                .filters(term("instanceType", instanceType), term("regionCode", region),
                        term("operatingSystem", "Linux"), term("tenancy", "Shared"), term("preInstalledSw", "NA"),
                        term("capacitystatus", "Used"))
                .build();
    }

    private static Filter term(String field, String value) {
        return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
    }

    private static JsonNode onlyPriceDimension(JsonNode product) {
        JsonNode onDemand = product.path("terms").path("OnDemand");
        assertEquals(1, onDemand.size());
        JsonNode dimensions = onDemand.elements().next().path("priceDimensions");
        assertEquals(1, dimensions.size());
        return dimensions.elements().next();
    }
}
