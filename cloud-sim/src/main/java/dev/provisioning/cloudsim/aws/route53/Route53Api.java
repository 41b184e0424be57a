package dev.provisioning.cloudsim.aws.route53;

import dev.provisioning.cloudsim.aws.AwsErrorXml;
import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.aws.SigV4Authorization;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.http.ProviderApi;
import dev.provisioning.cloudsim.http.SimRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlElements;
import dev.provisioning.cloudsim.state.ElbStore;
import dev.provisioning.cloudsim.state.HealthCheckRejection;
import dev.provisioning.cloudsim.state.HealthCheckStore;
import dev.provisioning.cloudsim.state.HostedZoneStore;
import dev.provisioning.cloudsim.state.StoreRejection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Element;

/** Route53 REST-XML API under {@code /2013-04-01/}: hosted zones, record sets, changes, health checks, TestDNSAnswer. */
public final class Route53Api implements ProviderApi {

    static final String SIGNING_NAME = "route53";

    private final HostedZonesHandler zones;
    private final RecordSetsHandler recordSets;
    private final ChangesHandler changes;
    private final HealthChecksHandler healthChecks;
    private final TestDnsAnswerHandler testDnsAnswer;

    public Route53Api(HostedZoneStore store, HealthCheckStore healthCheckStore) {
        this(store, healthCheckStore, null);
    }

    /** @param elbStore load balancers that alias record sets may point at; null when there are none */
    public Route53Api(HostedZoneStore store, HealthCheckStore healthCheckStore, ElbStore elbStore) {
        this.zones = new HostedZonesHandler(store);
        this.recordSets = new RecordSetsHandler(store, healthCheckStore);
        this.changes = new ChangesHandler(store);
        this.healthChecks = new HealthChecksHandler(healthCheckStore, store);
        this.testDnsAnswer = new TestDnsAnswerHandler(store, healthCheckStore, elbStore);
    }

    @Override
    public String provider(SimRequest request) {
        return SIGNING_NAME;
    }

    @Override
    public String family() {
        return "aws";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            SigV4Authorization.require(request, SIGNING_NAME);
            return dispatch(request).header("x-amzn-RequestId", requestId);
        } catch (RejectedAwsRequest rejected) {
            return AwsErrorXml.response(Route53Xml.NAMESPACE, rejected, requestId);
        } catch (StoreRejection rejection) {
            return AwsErrorXml.response(Route53Xml.NAMESPACE, translate(rejection), requestId);
        } catch (HealthCheckRejection rejection) {
            return AwsErrorXml.response(Route53Xml.NAMESPACE, translate(rejection), requestId);
        }
    }

    @Override
    public SimResponse injectedFailure(Fault fault, SimRequest request) {
        return AwsErrorXml.injected(Route53Xml.NAMESPACE, fault, UUID.randomUUID().toString());
    }

    /** Parses the request body and checks its root element. */
    static Element requestDocument(SimRequest request, String rootName) {
        Element root = XmlElements.parse(request.body()).orElseThrow(() -> new RejectedAwsRequest(400,
                "MalformedInput", "The XML document you provided was not well-formed or did not validate."));
        if (!XmlElements.localName(root).equals(rootName)) {
            throw new RejectedAwsRequest(400, "MalformedInput", "Expected a " + rootName + " document.");
        }
        return root;
    }

    private SimResponse dispatch(SimRequest request) {
        List<String> path = normalisedPath(request);
        String method = request.method();
        String resource = path.isEmpty() ? "" : path.get(0);
        if (resource.equals("hostedzone") && path.size() == 1) {
            if (method.equals("POST")) {
                return zones.create(request);
            }
            if (method.equals("GET")) {
                return zones.list(request);
            }
        } else if (resource.equals("hostedzone") && path.size() == 2) {
            if (method.equals("GET")) {
                return zones.get(path.get(1));
            }
            if (method.equals("DELETE")) {
                return zones.delete(path.get(1));
            }
        } else if (resource.equals("hostedzone") && path.size() == 3 && path.get(2).equals("rrset")) {
            if (method.equals("POST")) {
                return recordSets.change(path.get(1), request);
            }
            if (method.equals("GET")) {
                return recordSets.list(path.get(1), request);
            }
        } else if (resource.equals("hostedzonesbyname") && path.size() == 1 && method.equals("GET")) {
            return zones.listByName(request);
        } else if (resource.equals("hostedzonecount") && path.size() == 1 && method.equals("GET")) {
            return zones.count();
        } else if (resource.equals("change") && path.size() == 2 && method.equals("GET")) {
            return changes.get(path.get(1));
        } else if (resource.equals("healthcheck") && path.size() == 1) {
            if (method.equals("POST")) {
                return healthChecks.create(request);
            }
            if (method.equals("GET")) {
                return healthChecks.list(request);
            }
        } else if (resource.equals("healthcheck") && path.size() == 2) {
            switch (method) {
                case "GET" -> {
                    return healthChecks.get(path.get(1));
                }
                case "POST" -> {
                    return healthChecks.update(path.get(1), request);
                }
                case "DELETE" -> {
                    return healthChecks.delete(path.get(1));
                }
                default -> {
                    // falls through to the unknown operation below
                }
            }
        } else if (resource.equals("healthcheck") && path.size() == 3 && path.get(2).equals("status")
                && method.equals("GET")) {
            return healthChecks.status(path.get(1));
        } else if (resource.equals("healthcheckcount") && path.size() == 1 && method.equals("GET")) {
            return healthChecks.count();
        } else if (resource.equals("testdnsanswer") && path.size() == 1 && method.equals("GET")) {
            return testDnsAnswer.answer(request);
        }
        throw new RejectedAwsRequest(404, "UnknownOperationException",
                "cloud-sim does not emulate the Route53 operation " + method + " " + request.path());
    }

    /**
     * Path after the API version with ids made bare: clients may send {@code Z123}, an encoded
     * {@code %2Fhostedzone%2FZ123} or an unencoded {@code hostedzone/Z123}.
     */
    private static List<String> normalisedPath(SimRequest request) {
        List<String> segments = new ArrayList<>(request.pathSegments());
        segments.remove(0);
        if (segments.size() >= 3 && segments.get(1).equals(segments.get(0))
                && (segments.get(0).equals("hostedzone") || segments.get(0).equals("change"))) {
            segments.remove(1);
        }
        if (segments.size() >= 2) {
            segments.set(1, Route53Xml.bareId(segments.get(1), segments.get(0)));
        }
        return segments;
    }

    private static RejectedAwsRequest translate(StoreRejection rejection) {
        String first = rejection.problems().get(0);
        return switch (rejection.reason()) {
            case NO_SUCH_ZONE -> new RejectedAwsRequest(404, "NoSuchHostedZone", first);
            case NO_SUCH_CHANGE -> new RejectedAwsRequest(404, "NoSuchChange", first);
            case CALLER_REFERENCE_IN_USE -> new RejectedAwsRequest(409, "HostedZoneAlreadyExists", first);
            case ZONE_NOT_EMPTY -> new RejectedAwsRequest(400, "HostedZoneNotEmpty", first);
            case INVALID_CHANGE_BATCH -> new RejectedAwsRequest(400, "InvalidChangeBatch",
                    "[" + String.join(", ", rejection.problems()) + "]");
            default -> new RejectedAwsRequest(400, "InvalidInput", first);
        };
    }

    private static RejectedAwsRequest translate(HealthCheckRejection rejection) {
        return switch (rejection.reason()) {
            case NO_SUCH_HEALTH_CHECK -> new RejectedAwsRequest(404, "NoSuchHealthCheck", rejection.getMessage());
            case ALREADY_EXISTS -> new RejectedAwsRequest(409, "HealthCheckAlreadyExists", rejection.getMessage());
            case VERSION_MISMATCH -> new RejectedAwsRequest(409, "HealthCheckVersionMismatch",
                    rejection.getMessage());
        };
    }
}
