package dev.provisioning.provctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private final ObjectMapper mapper = new ObjectMapper();

    static final String PLAN = """
            {"planId":"p-1","workspace":"multi-region-ha","regions":[
              {"region":"us-east","monthlyCostDelta":48.0,"changes":[
                {"action":"update","address":"multi-region-ha/us-east/droplet/us-app-1","kind":"droplet","provider":"digitalocean",
                 "diff":{"size":{"from":"s-1vcpu-2gb","to":"s-2vcpu-4gb"}}},
                {"action":"create","address":"multi-region-ha/us-east/vpc/us-vpc","kind":"vpc","provider":"digitalocean",
                 "diff":{"ip_range":{"from":null,"to":"10.0.0.0/16"}}}]},
              {"region":"eu-central","monthlyCostDelta":-5.5,"changes":[
                {"action":"replace","address":"multi-region-ha/eu-central/network/eu-network","kind":"network","provider":"hetzner",
                 "diff":{"ip_range":{"from":"10.9.0.0/16","to":"10.1.0.0/16"}}},
                {"action":"delete","address":"multi-region-ha/eu-central/volume/old","kind":"volume","provider":"hetzner","diff":{}}]},
              {"region":"asia-southeast","monthlyCostDelta":0,"changes":[]}],
             "order":["multi-region-ha/us-east/vpc/us-vpc","multi-region-ha/us-east/droplet/us-app-1"],
             "monthlyCostDelta":42.5,"costNotes":["Hetzner prices converted from EUR at 1.08"],"empty":false}
            """;

    @Test
    void planRendersLikeTerraform() throws IOException {
        assertEquals("""
                Plan for workspace multi-region-ha (plan p-1)

                us-east (+$48.00/month)
                  + multi-region-ha/us-east/vpc/us-vpc  (vpc, digitalocean)
                      ip_range = "10.0.0.0/16"
                  ~ multi-region-ha/us-east/droplet/us-app-1  (droplet, digitalocean)
                      size: "s-1vcpu-2gb" -> "s-2vcpu-4gb"

                eu-central (-$5.50/month)
                  -/+ multi-region-ha/eu-central/network/eu-network  (network, hetzner)  must be replaced
                      ip_range: "10.9.0.0/16" -> "10.1.0.0/16"
                  - multi-region-ha/eu-central/volume/old  (volume, hetzner)

                Plan: 1 to create, 1 to update, 1 to replace, 1 to delete.
                Monthly cost: +$42.50/month
                Note: Hetzner prices converted from EUR at 1.08
                """, PlanRenderer.render(mapper.readTree(PLAN)));
    }

    @Test
    void anEmptyPlanSaysSo() throws IOException {
        assertEquals("""
                Plan for workspace w

                No changes. The running infrastructure matches the workspace.
                Monthly cost: $0.00/month
                """, PlanRenderer.render(mapper.readTree("{\"workspace\":\"w\",\"regions\":[],\"monthlyCostDelta\":0}")));
    }

    @Test
    void theBudgetAndWarningsFollowTheCost() throws IOException {
        assertEquals("""
                Plan for workspace w

                No changes. The running infrastructure matches the workspace.
                Monthly cost: +$45.44/month
                Budget: $356.19/month after this plan, of $320.00 — OVER BUDGET
                Warning: regions.eu-central.resources[0].server_type: cpx21 is deprecated; cpx22 replaces it
                Warning: budget.monthlyUsd: $36.19 over its budget
                """, PlanRenderer.render(mapper.readTree("""
                {"workspace": "w", "regions": [], "monthlyCostDelta": 45.44,
                 "budget": {"monthlyUsd": 320.0, "projectedMonthlyUsd": 356.19, "exceededByUsd": 36.19, "exceeded": true},
                 "warnings": [
                   {"field": "regions.eu-central.resources[0].server_type", "value": "cpx21",
                    "message": "cpx21 is deprecated; cpx22 replaces it"},
                   {"field": "budget.monthlyUsd", "value": 320, "message": "$36.19 over its budget"}]}""")));
    }

    @Test
    void problemsRenderAsAReadableList() {
        String body = """
                {"title":"The workspace is not valid","status":400,"errors":[
                  {"field":"regions.us-east.resources[0].size","value":"s-99vcpu-1tb","message":"unknown DigitalOcean size",
                   "allowed":["s-1vcpu-1gb","s-1vcpu-2gb"]},
                  {"field":"dns.domain","value":null,"message":"required"}]}
                """;
        assertEquals("""
                The workspace is not valid (400)
                  regions.us-east.resources[0].size: unknown DigitalOcean size (s-99vcpu-1tb) — allowed: s-1vcpu-1gb, s-1vcpu-2gb
                  dns.domain: required""", ProblemRenderer.render(400, body));
    }

    @Test
    void progressBarsArePerRegion() throws IOException {
        String rollout = """
                {"id":"r1","status":"RUNNING","steps":[
                  {"address":"w/us-east/vpc/us-vpc","status":"SUCCEEDED"},
                  {"address":"w/us-east/droplet/us-app-1","status":"DISPATCHED"},
                  {"address":"w/us-east/droplet/us-app-2","status":"PENDING"},
                  {"address":"w/us-east/droplet/us-app-3","status":"FAILED"},
                  {"address":"w/eu-central/network/eu-network","status":"SUCCEEDED"}]}
                """;
        assertEquals(List.of(
                "us-east          [###############---------------]  50%  1/4  1 in progress  1 failed",
                "eu-central       [##############################] 100%  1/1"),
                ProgressBars.render(mapper.readTree(rollout)));
    }
}
