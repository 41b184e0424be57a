package dev.provisioning.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official clients against cloud-sim: runs {@code system-tests/cli/official-clis} (the AWS CLI v2, the hcloud CLI
 * and curl for DigitalOcean, as an operator following the seed README would call them) against an in-process
 * simulator and requires every check to pass. The aws and hcloud sections need those CLIs
 * ({@code apt-get install awscli hcloud-cli}); {@code .ci/run} installs both and sets {@code OFFICIAL_CLIS_REQUIRE} so a
 * missing one fails this test there.
 */
class OfficialCliIT {

    /** The whole script; it needs about half a minute, most of it the AWS CLI starting Python for every call. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Test
    void officialClientsAcceptEveryAnswerOfCloudSim() throws Exception {
        Path root = Path.of(System.getProperty("provisioning.repo.root", "..")).toAbsolutePath().normalize();
        Path script = root.resolve("system-tests/cli/official-clis");
        assertTrue(Files.isRegularFile(script), "missing " + script);

        // Every simulated delay at 5 %: instances, load balancers, servers and databases come up within tens of
        // milliseconds, still late enough that the script's polling is exercised.
        try (CloudSim sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withTimeScale(0.05))) {
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), sim.url()).redirectErrorStream(true);
            // CI installs both CLIs and requires them (.ci/run exports OFFICIAL_CLIS_REQUIRE=aws,hcloud); elsewhere
            // the script runs the sections whose CLI is installed, and curl's always.
            builder.environment().putIfAbsent("OFFICIAL_CLIS_REQUIRE", "");
            builder.environment().put("OFFICIAL_CLIS_WAIT", "30");
            builder.environment().put("OFFICIAL_CLIS_TIMEOUT", "60");
            builder.environment().remove("CLOUD_SIM_URL");
            Process process = builder.start();

            // Echo the report as it comes, and keep it for the assertion message.
            StringBuilder output = new StringBuilder();
            Thread echo = new Thread(() -> copy(process, output), "official-clis-output");
            echo.setDaemon(true);
            echo.start();

            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                echo.join(TimeUnit.SECONDS.toMillis(5));
                fail("official-clis did not finish within " + TIMEOUT + ":\n" + snapshot(output));
            }
            echo.join(TimeUnit.SECONDS.toMillis(10));
            assertEquals(0, process.exitValue(), () -> "official-clis failed against cloud-sim:\n" + snapshot(output));
        }
    }

    private static void copy(Process process, StringBuilder output) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[official-clis] " + line);
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String snapshot(StringBuilder output) {
        synchronized (output) {
            return output.toString();
        }
    }
}
