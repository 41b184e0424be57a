package dev.provisioning.workspaceformat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.provisioning.workspaceformat.nickel.BuiltinNickel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceReaderTest {

    static final Path SEED = Path.of("..", "deploy", "workspaces", "multi-region-ha");

    private final WorkspaceReader reader = new WorkspaceReader(new BuiltinNickel());

    @TempDir
    Path dir;

    @Test
    void theSeedWorkspaceEvaluatesWithoutNickel() {
        ObjectNode model = reader.read(SEED);

        assertEquals("multi-region-ha", model.get("name").asText());
        assertEquals("api.example.com", model.at("/dns/domain").asText());
        assertEquals(60, model.at("/dns/ttl").asInt());
        assertEquals("HTTPS", model.at("/dns/healthCheck/protocol").asText());
        assertEquals(List.of("us-east", "eu-central", "asia-southeast"), fieldNames(model.get("regions")));
        assertRegion(model, "us-east", "digitalocean", "nyc3", "us");
        assertRegion(model, "eu-central", "hetzner", "nbg1", "eu");
        assertRegion(model, "asia-southeast", "aws", "ap-southeast-1", "asia");

        JsonNode droplets = resource(model, "us-east", "us-app");
        assertEquals("droplet", droplets.get("kind").asText());
        assertEquals(3, droplets.get("count").asInt());
        assertEquals("s-2vcpu-4gb", droplets.get("size").asText());
        assertEquals("cpx21", resource(model, "eu-central", "hetzner-eu").get("server_type").asText());
        assertEquals(3, resource(model, "eu-central", "hetzner-eu").get("count").asInt());
        assertEquals("t3.medium", resource(model, "asia-southeast", "asia-app").get("instance_type").asText());
        assertEquals(3, resource(model, "asia-southeast", "asia-app").get("count").asInt());

        JsonNode rule = resource(model, "us-east", "us-lb").at("/forwarding_rules/0");
        assertEquals("https", rule.get("entry_protocol").asText());
        assertEquals(443, rule.get("entry_port").asInt());
        assertEquals("api-example-com", rule.get("certificate_name").asText());
        assertEquals("http", rule.get("target_protocol").asText(), "schema default");
        assertEquals("load-balancer", resource(model, "eu-central", "eu-lb").get("kind").asText());
        assertEquals("alb", resource(model, "asia-southeast", "asia-lb").get("kind").asText());

        assertEquals("10.0.0.0/16", resource(model, "us-east", "us-vpc").get("ip_range").asText());
        assertEquals("10.1.0.0/16", resource(model, "eu-central", "eu-network").get("ip_range").asText());
        assertEquals("10.2.0.0/16", resource(model, "asia-southeast", "asia-vpc").get("cidr_block").asText());

        JsonNode primary = resource(model, "us-east", "us-db-primary");
        assertEquals("database", primary.get("kind").asText());
        assertEquals(3, primary.get("num_nodes").asInt());
        assertEquals("us-east/us-db-primary", resource(model, "eu-central", "eu-db-replica").get("primary").asText());
        assertEquals("replica", resource(model, "asia-southeast", "asia-db-replica").get("role").asText());
        assertEquals("rds-instance", resource(model, "asia-southeast", "asia-db-replica").get("kind").asText());
        assertEquals("volume", resource(model, "eu-central", "eu-backups").get("kind").asText());
        assertEquals(350, model.at("/budget/monthlyUsd").asInt());
    }

    @Test
    void theJsonAndYamlFormsGiveTheSameModel() {
        ObjectNode fromNickel = reader.read(SEED);
        assertEquals(fromNickel, reader.read(SEED.resolve("equivalents/workspace.json")));
        assertEquals(fromNickel, reader.read(SEED.resolve("equivalents/workspace.yaml")));
    }

    @Test
    void aDirectoryWithTwoWorkspaceFilesIsAmbiguous() {
        WorkspaceFormatException error = assertThrows(WorkspaceFormatException.class,
                () -> reader.read(SEED.resolve("equivalents")));
        assertTrue(error.getMessage().endsWith("more than one workspace file (workspace.json, workspace.yaml); name the"
                + " file to use"), error.getMessage());
    }

    @Test
    void jsonWithoutANameIsNamedAfterItsFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("shop"));
        Files.writeString(folder.resolve("workspace.json"), "{\"dns\":{\"domain\":\"a.example.com\"},\"regions\":{}}");
        assertEquals("shop", reader.read(folder).get("name").asText());
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("workspace.yaml"), "dns:\n  domain: [unclosed\n");
        WorkspaceFormatException error = assertThrows(WorkspaceFormatException.class, () -> reader.read(dir));
        assertTrue(error.getMessage().startsWith("workspace.yaml:2:20: while parsing a flow sequence"), error.getMessage());
    }

    @Test
    void nickelErrorsNameTheFileLineAndColumn() throws IOException {
        Path folder = copySeed();
        Files.writeString(folder.resolve("workspace.ncl"), Files.readString(folder.resolve("workspace.ncl"))
                .replace("count = app_servers_per_region,\n    name = \"us-app\"", "count = \"three\",\n    name = \"us-app\""));
        WorkspaceFormatException error = assertThrows(WorkspaceFormatException.class, () -> reader.read(folder));
        assertEquals("workspace.ncl:21:13: contract 'Number' broken by 'region_us_east.app_servers.count': expected a"
                + " Number, got the String \"three\"", error.getMessage());
    }

    @Test
    void credentialsInConfigAreRefused() throws IOException {
        Path folder = copySeed();
        Files.writeString(folder.resolve("config.toml"), Files.readString(folder.resolve("config.toml"))
                .replace("[providers.hetzner]", "[providers.hetzner]\ntoken = \"MC4wNTI1\""));
        WorkspaceFormatException error = assertThrows(WorkspaceFormatException.class, () -> reader.read(folder));
        assertTrue(error.getMessage().startsWith("config.toml: providers.hetzner.token: credentials are never read from"
                + " config.toml"), error.getMessage());
    }

    @Test
    void aRegionMissingFromConfigIsReported() throws IOException {
        Path folder = copySeed();
        Files.writeString(folder.resolve("config.toml"), Files.readString(folder.resolve("config.toml"))
                .replace("region_name = \"eu-central\"", "region_name = \"eu-west\""));
        WorkspaceFormatException error = assertThrows(WorkspaceFormatException.class, () -> reader.read(folder));
        assertEquals("workspace.ncl: region_eu_central: config.toml has no [providers.<name>] with region_name ="
                + " \"eu-central\" (it names: us-east, eu-west, asia-southeast)", error.getMessage());
    }

    @Test
    void unknownConfigKeysAreReportedWithTheirPath() throws IOException {
        Path folder = copySeed();
        Files.writeString(folder.resolve("config.toml"), Files.readString(folder.resolve("config.toml"))
                .replace("region_name = \"us-east\"", "region_name = \"us-east\"\nregoin = \"x\""));
        WorkspaceFormatException error = assertThrows(WorkspaceFormatException.class, () -> reader.read(folder));
        assertEquals("config.toml: providers.digitalocean.regoin: unknown key (allowed: dns_label, geo, location,"
                + " region_name)", error.getMessage());
    }

    @Test
    void theWorkspaceNameComesFromConfigWhenSet() throws IOException {
        Path folder = copySeed();
        Files.writeString(folder.resolve("config.toml"), Files.readString(folder.resolve("config.toml"))
                .replace("# name = \"multi-region-ha\"", "name = \"ha-prod\""));
        assertEquals("ha-prod", reader.read(folder).get("name").asText());
    }

    private Path copySeed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("workspaces/multi-region-ha"));
        Path lib = Files.createDirectories(dir.resolve("workspaces/lib"));
        for (String file : List.of("workspace.ncl", "config.toml")) {
            Files.copy(SEED.resolve(file), folder.resolve(file));
        }
        try (var files = Files.list(SEED.resolveSibling("lib"))) {
            for (Path file : files.toList()) {
                Files.copy(file, lib.resolve(file.getFileName()));
            }
        }
        return folder;
    }

    private static void assertRegion(JsonNode model, String region, String provider, String location, String label) {
        JsonNode node = model.at("/regions/" + region);
        assertEquals(provider, node.get("provider").asText());
        assertEquals(location, node.get("location").asText());
        assertEquals(label, node.get("dnsLabel").asText());
    }

    private static JsonNode resource(JsonNode model, String region, String name) {
        for (JsonNode resource : model.at("/regions/" + region + "/resources")) {
            if (resource.get("name").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + name + " in " + region);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
