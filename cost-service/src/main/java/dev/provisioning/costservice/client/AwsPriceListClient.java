package dev.provisioning.costservice.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.provisioning.costservice.config.AwsConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;

/** Reads products from the AWS Price List Query API ({@code GetProducts}) through the SDK's {@code PricingClient}. */
@ApplicationScoped
public class AwsPriceListClient {

    private static final Logger LOG = Logger.getLogger(AwsPriceListClient.class);
    /** The most the API returns per page. */
    private static final int PAGE_SIZE = 100;

    private final PricingClient pricing;
    private final ObjectMapper json;
    private final String endpoint;

    public AwsPriceListClient(AwsConfig config, ObjectMapper json) {
        this.json = json;
        this.endpoint = config.endpoint().toString();
        this.pricing = PricingClient.builder()
                .endpointOverride(config.endpoint())
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.timeout())
                        .socketTimeout(config.timeout())
                        .build())
                .build();
        LOG.infof("AWS price data from %s (signing region %s)", endpoint, config.region());
    }

    /**
     * Every product of a service matching all {@code TERM_MATCH} filters, following {@code NextToken}; each one the
     * parsed {@code PriceList} document (product, terms).
     *
     * @throws PriceDataException when the API cannot be read or answers with an error
     */
    @WithSpan("AWS pricing GetProducts")
    public List<JsonNode> products(String serviceCode, Map<String, String> termMatches) {
        List<Filter> filters = termMatches.entrySet().stream()
                .map(e -> Filter.builder().type(FilterType.TERM_MATCH).field(e.getKey()).value(e.getValue()).build())
                .toList();
        GetProductsRequest request = GetProductsRequest.builder().serviceCode(serviceCode).formatVersion("aws_v1")
                .filters(filters).maxResults(PAGE_SIZE).build();
        List<JsonNode> products = new ArrayList<>();
        try {
            for (String entry : pricing.getProductsPaginator(request).priceList()) {
                products.add(json.readTree(entry));
            }
        } catch (SdkException e) {
            throw new PriceDataException("AWS pricing GetProducts " + serviceCode + " " + termMatches + " at "
                    + endpoint + " failed: " + oneLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new PriceDataException("AWS pricing GetProducts " + serviceCode + " at " + endpoint
                    + " returned a PriceList entry that is not JSON: " + oneLine(e.getMessage()), e);
        }
        return products;
    }

    @PreDestroy
    void close() {
        pricing.close();
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
