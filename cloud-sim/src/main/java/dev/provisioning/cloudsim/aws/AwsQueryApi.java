package dev.provisioning.cloudsim.aws;

import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.FormEncoding;
import dev.provisioning.cloudsim.http.ProviderApi;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** AWS query-protocol requests to {@code /}, dispatched to a service by the SigV4 credential scope. */
public final class AwsQueryApi implements ProviderApi {

    /** Namespace of errors that cannot be attributed to a known service. */
    static final String GENERIC_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final Map<String, AwsQueryService> services;

    public AwsQueryApi(List<AwsQueryService> services) {
        this.services = services.stream()
                .collect(Collectors.toUnmodifiableMap(AwsQueryService::signingName, Function.identity()));
    }

    @Override
    public String provider(SimRequest request) {
        return SigV4Authorization.serviceOf(request).orElse("aws");
    }

    @Override
    public String family() {
        return "aws";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String requestId = UUID.randomUUID().toString();
        String namespace = GENERIC_NAMESPACE;
        AwsQueryService service = null;
        try {
            if (!request.method().equals("POST") && !request.method().equals("GET")) {
                throw new RejectedAwsRequest(405, "MethodNotAllowed", "Query requests must use POST or GET.");
            }
            SigV4Authorization caller = SigV4Authorization.require(request);
            service = services.get(caller.service());
            if (service == null) {
                throw new RejectedAwsRequest(400, "InvalidAction",
                        "The service '" + caller.service() + "' is not emulated by cloud-sim.");
            }
            namespace = service.namespace();
            if (service instanceof AwsJsonService jsonService) {
                return jsonService.handleJson(request, caller, requestId).header("x-amzn-RequestId", requestId);
            }
            Map<String, String> params = params(request);
            String action = params.get("Action");
            if (action == null || action.isBlank()) {
                throw new RejectedAwsRequest(400, "MissingAction", "Missing Action");
            }
            return service.handle(action, params, caller, requestId).header("x-amzn-RequestId", requestId);
        } catch (RejectedAwsRequest rejected) {
            return service != null ? service.errorResponse(rejected, requestId).header("x-amzn-RequestId", requestId)
                    : AwsErrorXml.response(namespace, rejected, requestId);
        }
    }

    @Override
    public SimResponse injectedFailure(Fault fault, SimRequest request) {
        AwsQueryService service = services.get(provider(request));
        String requestId = UUID.randomUUID().toString();
        return service != null ? service.injectedFailure(fault, requestId)
                : AwsErrorXml.injected(GENERIC_NAMESPACE, fault, requestId);
    }

    /** Query-string and form-body parameters together, the body winning, as AWS accepts either. */
    private static Map<String, String> params(SimRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.queryParams().forEach((name, values) -> params.put(name, values.get(0)));
        String contentType = request.header("Content-Type").orElse("");
        if (contentType.isEmpty() || contentType.startsWith("application/x-www-form-urlencoded")) {
            FormEncoding.parse(request.bodyText()).forEach((name, values) -> params.put(name, values.get(0)));
        }
        return params;
    }
}
