package dev.provisioning.cloudsim;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line entry point: starts a simulator and serves until the JVM is asked to stop.
 *
 * <p>Flags win over environment variables, which win over the defaults of {@link CloudSimConfig#defaults()}.
 */
public final class CloudSimMain {

    static final String USAGE = """
            usage: java -jar cloud-sim.jar [options]
              --port N               port to listen on (env CLOUD_SIM_PORT, default 4566; 0 = any free port)
              --bind ADDRESS         address to bind (env CLOUD_SIM_BIND, default 127.0.0.1)
              --time-scale X         multiplier for every simulated delay (env CLOUD_SIM_TIME_SCALE, default 1.0)
              --droplet-delay-ms N   droplet boot time before scaling (env CLOUD_SIM_DROPLET_DELAY_MS, default 300)
              --lb-delay-ms N        DigitalOcean load balancer new -> active before scaling (env CLOUD_SIM_LB_DELAY_MS, default 300)
              --server-delay-ms N    Hetzner server boot time before scaling (env CLOUD_SIM_SERVER_DELAY_MS, default 300)
              --ec2-delay-ms N       EC2 instance pending/stopping/shutting-down time (env CLOUD_SIM_EC2_DELAY_MS, default 300)
              --elb-delay-ms N       ELBv2 load balancer provisioning time (env CLOUD_SIM_ELB_DELAY_MS, default 300)
              --database-delay-ms N  DigitalOcean database cluster/replica creating -> online (env CLOUD_SIM_DATABASE_DELAY_MS, default 300)
              --rds-delay-ms N       RDS DB instance creating -> available, deleting, promotion (env CLOUD_SIM_RDS_DELAY_MS, default 300)
              --dns-change-delay-ms N  Route53 change propagation before scaling (env CLOUD_SIM_DNS_CHANGE_DELAY_MS, default 0)
              --threads N            HTTP worker threads (env CLOUD_SIM_THREADS, default 4)
            """;

    private CloudSimMain() {
    }

    public static void main(String[] args) {
        CloudSimConfig config;
        try {
            config = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("cloud-sim: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(USAGE);
            return;
        }
        CloudSim sim;
        try {
            sim = CloudSim.start(config);
        } catch (IOException e) {
            System.err.println("cloud-sim: cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "cloud-sim-shutdown"));
        System.out.println("cloud-sim listening on " + sim.url());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the configuration from flags and environment; null when only help was asked for. */
    static CloudSimConfig parse(String[] args, Map<String, String> env) {
        CloudSimConfig config = CloudSimConfig.defaults();
        config = apply(config, "--bind", env.get("CLOUD_SIM_BIND"));
        config = apply(config, "--port", env.get("CLOUD_SIM_PORT"));
        config = apply(config, "--time-scale", env.get("CLOUD_SIM_TIME_SCALE"));
        config = apply(config, "--droplet-delay-ms", env.get("CLOUD_SIM_DROPLET_DELAY_MS"));
        config = apply(config, "--lb-delay-ms", env.get("CLOUD_SIM_LB_DELAY_MS"));
        config = apply(config, "--dns-change-delay-ms", env.get("CLOUD_SIM_DNS_CHANGE_DELAY_MS"));
        config = apply(config, "--server-delay-ms", env.get("CLOUD_SIM_SERVER_DELAY_MS"));
        config = apply(config, "--ec2-delay-ms", env.get("CLOUD_SIM_EC2_DELAY_MS"));
        config = apply(config, "--elb-delay-ms", env.get("CLOUD_SIM_ELB_DELAY_MS"));
        config = apply(config, "--database-delay-ms", env.get("CLOUD_SIM_DATABASE_DELAY_MS"));
        config = apply(config, "--rds-delay-ms", env.get("CLOUD_SIM_RDS_DELAY_MS"));
        config = apply(config, "--threads", env.get("CLOUD_SIM_THREADS"));
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            String value;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for " + flag);
            }
            config = apply(config, flag, value);
        }
        return config;
    }

    private static CloudSimConfig apply(CloudSimConfig config, String flag, String value) {
        if (value == null || value.isBlank()) {
            return config;
        }
        String trimmed = value.trim();
        try {
            return switch (flag) {
                case "--port" -> config.withPort(Integer.parseInt(trimmed));
                case "--bind" -> config.withBindAddress(trimmed);
                case "--time-scale" -> config.withTimeScale(Double.parseDouble(trimmed));
                case "--droplet-delay-ms" -> config.withDropletBootDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--lb-delay-ms" -> config.withLoadBalancerDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--server-delay-ms" -> config.withServerBootDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--dns-change-delay-ms" -> config.withDnsChangeDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--ec2-delay-ms" -> config.withEc2BootDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--elb-delay-ms" -> config.withElbProvisionDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--database-delay-ms" -> config.withDatabaseDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--rds-delay-ms" -> config.withRdsDelay(Duration.ofMillis(Long.parseLong(trimmed)));
                case "--threads" -> config.withWorkerThreads(Integer.parseInt(trimmed));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number for " + flag + ": " + trimmed);
        }
    }
}
