package dev.provisioning.cloudsim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.provisioning.cloudsim.fault.Fault;
import dev.provisioning.cloudsim.fault.FaultInjector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/** Bridges the JDK HTTP server to the provider APIs: reads the request, applies faults, writes the answer. */
public final class ExchangeHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ExchangeHandler.class.getName());

    private final Router router;
    private final FaultInjector faults;

    public ExchangeHandler(Router router, FaultInjector faults) {
        this.router = router;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SimRequest request = read(exchange);
            SimResponse response = respond(request);
            // Only method, path and status: headers and bodies may carry credentials.
            LOG.log(System.Logger.Level.DEBUG, "{0} {1} -> {2}", request.method(), request.path(), response.status());
            write(exchange, request, response);
        }
    }

    /** Answers one request without any network involved; the server calls this for every exchange. */
    public SimResponse respond(SimRequest request) {
        try {
            Optional<ProviderApi> api = router.route(request);
            if (api.isEmpty()) {
                return notEmulated(request);
            }
            ProviderApi provider = api.get();
            if (provider.acceptsFaults()) {
                Optional<Fault> fault = faults.take(provider.provider(request), provider.family(), request.method(), request.path());
                if (fault.isPresent()) {
                    pause(fault.get().delayMillis());
                    if (!fault.get().delayOnly()) {
                        return provider.injectedFailure(fault.get(), request);
                    }
                }
            }
            return provider.handle(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "request " + request.method() + " " + request.path() + " failed", e);
            return SimResponse.json(500, SimJson.object()
                    .put("id", "server_error")
                    .put("message", "cloud-sim failed to handle the request: " + e));
        }
    }

    private static SimResponse notEmulated(SimRequest request) {
        return SimResponse.json(404, SimJson.object()
                .put("id", "not_found")
                .put("message", "cloud-sim emulates no API at " + request.method() + " " + request.path()));
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SimRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new SimRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body);
    }

    private static void write(HttpExchange exchange, SimRequest request, SimResponse response) throws IOException {
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        byte[] body = response.body();
        boolean bodyless = body.length == 0 || response.status() == 204 || response.status() == 304
                || request.method().equals("HEAD");
        // -1 tells the JDK server "no body"; 0 would switch it to chunked encoding.
        exchange.sendResponseHeaders(response.status(), bodyless ? -1 : body.length);
        if (!bodyless) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
