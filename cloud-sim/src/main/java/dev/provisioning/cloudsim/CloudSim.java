package dev.provisioning.cloudsim;

import com.sun.net.httpserver.HttpServer;
import dev.provisioning.cloudsim.aws.AwsQueryApi;
import dev.provisioning.cloudsim.aws.ec2.Ec2Service;
import dev.provisioning.cloudsim.aws.elbv2.ElbService;
import dev.provisioning.cloudsim.aws.pricing.PriceListService;
import dev.provisioning.cloudsim.aws.rds.RdsService;
import dev.provisioning.cloudsim.aws.route53.Route53Api;
import dev.provisioning.cloudsim.aws.sts.StsService;
import dev.provisioning.cloudsim.control.ControlApi;
import dev.provisioning.cloudsim.control.PriceSheetApi;
import dev.provisioning.cloudsim.digitalocean.DigitalOceanApi;
import dev.provisioning.cloudsim.digitalocean.DigitalOceanCatalog;
import dev.provisioning.cloudsim.fault.FaultInjector;
import dev.provisioning.cloudsim.hetzner.HetznerApi;
import dev.provisioning.cloudsim.http.ExchangeHandler;
import dev.provisioning.cloudsim.http.Router;
import dev.provisioning.cloudsim.runtime.LiveConfig;
import dev.provisioning.cloudsim.runtime.SimTimers;
import dev.provisioning.cloudsim.state.SimState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A running simulator: one HTTP port serving the emulated DigitalOcean, Hetzner, Route53 and STS APIs
 * plus the {@code /_sim/} control API. Start one per test class with port 0, or one for a whole local stack.
 */
public final class CloudSim implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final SimTimers timers;
    private final SimState state;
    private final FaultInjector faults;
    private final LiveConfig config;
    private final DigitalOceanApi digitalOcean;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CloudSim(HttpServer server, ExecutorService workers, SimTimers timers, SimState state,
            FaultInjector faults, LiveConfig config, DigitalOceanApi digitalOcean) {
        this.server = server;
        this.workers = workers;
        this.timers = timers;
        this.state = state;
        this.faults = faults;
        this.config = config;
        this.digitalOcean = digitalOcean;
    }

    /**
     * Binds {@code config.bindAddress():config.port()} (port 0 picks a free port) and starts serving.
     *
     * @throws IOException when the address cannot be bound, e.g. the port is taken
     */
    public static CloudSim start(CloudSimConfig config) throws IOException {
        LiveConfig live = new LiveConfig(config);
        SimTimers timers = new SimTimers();
        SimState state = new SimState(timers, live);
        FaultInjector faults = new FaultInjector();
        DigitalOceanApi digitalOcean = new DigitalOceanApi(state, DigitalOceanCatalog.standard());
        Runnable reset = () -> {
            state.reset();
            faults.clear();
            digitalOcean.resetRateLimit();
        };
        Router router = new Router(List.of(
                new Router.Mount("/_sim/prices/", new PriceSheetApi()),
                new Router.Mount("/_sim/", new ControlApi(state, faults, live, reset)),
                new Router.Mount("/v2/", digitalOcean),
                new Router.Mount("/v1/", new HetznerApi(state.hetznerStore())),
                new Router.Mount("/2013-04-01/", new Route53Api(state.hostedZoneStore(), state.healthCheckStore(),
                        state.elbStore()))),
                new AwsQueryApi(List.of(new Ec2Service(state.ec2Store()),
                        new ElbService(state.elbStore(), state.ec2Store()), new RdsService(state.rdsStore()),
                        new StsService(), new PriceListService())));

        HttpServer server;
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 64);
        } catch (IOException e) {
            timers.close();
            throw e;
        }
        ExecutorService workers = Executors.newFixedThreadPool(config.workerThreads(), daemonThreads());
        server.createContext("/", new ExchangeHandler(router, faults));
        server.setExecutor(workers);
        server.start();
        live.recordBoundPort(server.getAddress().getPort());
        return new CloudSim(server, workers, timers, state, faults, live, digitalOcean);
    }

    /** The bound port, the real one when started with port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL for clients, e.g. {@code http://127.0.0.1:4566}. */
    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** Read access to every simulated resource. */
    public SimState state() {
        return state;
    }

    /** Faults to inject into upcoming responses, the in-process equivalent of {@code /_sim/faults}. */
    public FaultInjector faults() {
        return faults;
    }

    /** The configuration in force, including runtime changes. */
    public CloudSimConfig config() {
        return config.current();
    }

    /** Changes delays or time scale while running; address, port and thread count stay as bound. */
    public CloudSimConfig reconfigure(UnaryOperator<CloudSimConfig> change) {
        return config.update(change);
    }

    /** Forgets every resource and armed fault, like {@code POST /_sim/reset}. */
    public void reset() {
        state.reset();
        faults.clear();
        digitalOcean.resetRateLimit();
    }

    /** Stops the server and the timers; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        timers.close();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "cloud-sim-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
