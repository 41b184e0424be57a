package dev.provisioning.planner.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.provisioning.contracts.Provider;
import dev.provisioning.contracts.cloudevents.JsonMapping;
import dev.provisioning.planner.Plan;
import dev.provisioning.planner.RecordedResource;
import dev.provisioning.planner.client.CostEstimates;
import dev.provisioning.planner.model.FieldWarning;
import dev.provisioning.planner.model.WorkspaceDefinition;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Compares a workspace definition with the state recorded from the providers' events and says what applying it
 * would change, per region, attribute by attribute, in dependency order, and what it would cost per month.
 */
@ApplicationScoped
public class PlanService {

    /** Attributes a provider cannot change in place: a difference means replacing the resource. */
    private static final Set<String> FORCE_NEW = Set.of("image", "image_id", "ip_range", "cidr_block", "network_zone",
            "subnet_ip_range", "vpc", "network", "format");

    /** One attribute's old and new value. */
    public record AttributeChange(Object from, Object to) {
    }

    /** One resource's change. */
    public record Change(String action, String address, String kind, String provider,
                         Map<String, AttributeChange> diff, BigDecimal monthlyCostDelta) {
    }

    /** The changes of one region, with their monthly cost delta. */
    public record RegionPlan(String region, List<Change> changes, BigDecimal monthlyCostDelta) {
    }

    /**
     * A stored plan as the API shows it; {@code warnings} (e.g. deprecated server types, a budget the plan would
     * exceed) only when there are any, {@code budget} only when the workspace declares one.
     */
    public record PlanView(String planId, String workspace, String region, Instant createdAt, List<RegionPlan> regions,
                           List<String> order, BigDecimal monthlyCostDelta, List<String> costNotes, boolean empty,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldWarning> warnings,
                           @JsonInclude(JsonInclude.Include.NON_NULL) CostEstimates.BudgetCheck budget) {
    }

    private final CostEstimates costs;

    public PlanService(CostEstimates costs) {
        this.costs = costs;
    }

    @WithSpan("plan workspace")
    @Transactional
    public PlanView plan(@SpanAttribute("workspace") String workspace, WorkspaceDefinition definition, String region,
                         List<FieldWarning> warnings) {
        List<RolloutGraph.Node> desired = RolloutGraph.of(definition, region).stream().filter(n -> !n.dns()).toList();
        Map<String, RecordedResource> recorded = new LinkedHashMap<>();
        for (RecordedResource resource : RecordedResource.ofWorkspace(workspace)) {
            if (region == null || region.equals(resource.region)) {
                recorded.put(resource.address, resource);
            }
        }
        Map<String, List<Change>> byRegion = new LinkedHashMap<>();
        definition.regions().keySet().stream().filter(r -> region == null || r.equals(region))
                .forEach(r -> byRegion.put(r, new ArrayList<>()));
        List<String> notes = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<CostEstimates.Line> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (RolloutGraph.Node node : desired) {
            RecordedResource existing = recorded.remove(node.key());
            BigDecimal newCost = monthly(node.provider(), node.address().kind(), node.providerRegion(), node.spec(), notes);
            Change change;
            if (existing == null) {
                change = new Change("create", node.key(), node.address().kind(), node.provider().id(),
                        diff(Map.of(), node.spec()), newCost);
            } else {
                Map<String, Object> oldSpec = specOf(existing);
                Map<String, AttributeChange> diff = diff(oldSpec, node.spec());
                if (diff.isEmpty()) {
                    continue;
                }
                BigDecimal oldCost = monthly(node.provider(), node.address().kind(), existing.providerRegion, oldSpec, notes);
                boolean replace = diff.keySet().stream().anyMatch(FORCE_NEW::contains);
                change = new Change(replace ? "replace" : "update", node.key(), node.address().kind(),
                        node.provider().id(), diff, subtract(newCost, oldCost));
            }
            byRegion.computeIfAbsent(node.address().region(), r -> new ArrayList<>()).add(change);
            order.add(node.key());
            PriceKeys.of(node.provider(), node.address().kind(), node.providerRegion(), node.spec())
                    .ifPresent(p -> added.add(new CostEstimates.Line(node.provider(), p.key(), p.units())));
            if (existing != null) {
                removed.add(node.key());
            }
        }
        // Recorded resources the definition no longer declares go, dependants first (reverse recorded order).
        List<RecordedResource> gone = new ArrayList<>(recorded.values());
        java.util.Collections.reverse(gone);
        for (RecordedResource resource : gone) {
            Map<String, Object> oldSpec = specOf(resource);
            String kind = resource.address.split("/")[2];
            BigDecimal oldCost = monthly(Provider.fromId(resource.provider), kind, resource.providerRegion, oldSpec, notes);
            byRegion.computeIfAbsent(resource.region, r -> new ArrayList<>()).add(new Change("delete", resource.address,
                    kind, resource.provider, diff(oldSpec, Map.of()), oldCost == null ? null : oldCost.negate()));
            order.add(resource.address);
            removed.add(resource.address);
        }
        List<RegionPlan> regions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (var entry : byRegion.entrySet()) {
            BigDecimal delta = entry.getValue().stream().map(Change::monthlyCostDelta).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            regions.add(new RegionPlan(entry.getKey(), entry.getValue(), delta));
            total = total.add(delta);
        }
        Plan plan = new Plan();
        plan.id = UUID.randomUUID().toString();
        plan.workspace = workspace;
        plan.region = region;
        plan.definition = JsonMapping.mapper().valueToTree(definition).toString();
        plan.stateFingerprint = fingerprint(workspace);
        plan.createdAt = Instant.now();
        List<FieldWarning> allWarnings = new ArrayList<>(warnings);
        CostEstimates.BudgetCheck budget = checkBudget(workspace, definition, added, removed, notes, allWarnings);
        PlanView view = new PlanView(plan.id, workspace, region, plan.createdAt, regions, order, total,
                notes.stream().distinct().toList(), order.isEmpty(), List.copyOf(allWarnings), budget);
        plan.body = JsonMapping.mapper().valueToTree(view).toString();
        plan.persist();
        return view;
    }

    /**
     * The workspace's budget against what it would cost after this plan; a warning when the plan would exceed it.
     * A plan that adds nothing priced cannot raise the cost, so it is not checked.
     */
    private CostEstimates.BudgetCheck checkBudget(String workspace, WorkspaceDefinition definition,
                                                  List<CostEstimates.Line> added, List<String> removed,
                                                  List<String> notes, List<FieldWarning> warnings) {
        if (definition.budget() == null || added.isEmpty()) {
            return null;
        }
        CostEstimates.BudgetCheck check = costs.budget(workspace, definition.budget().monthlyUsd(), added, removed,
                notes).orElse(null);
        if (check != null && check.exceeded()) {
            warnings.add(new FieldWarning("budget.monthlyUsd", definition.budget().monthlyUsd(),
                    check.warning() != null ? check.warning() : "the plan would take the workspace to $"
                            + check.projectedMonthlyUsd() + "/month, over its budget"));
        }
        return check;
    }

    /** A digest of everything recorded about the workspace: it changes whenever an event changes the state. */
    public static String fingerprint(String workspace) {
        StringBuilder text = new StringBuilder();
        for (RecordedResource r : RecordedResource.ofWorkspace(workspace)) {
            text.append(r.address).append('|').append(r.providerId).append('|').append(r.size).append('|')
                    .append(r.spec).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private BigDecimal monthly(Provider provider, String kind, String location, Map<String, Object> spec, List<String> notes) {
        var priced = PriceKeys.of(provider, kind, location, spec);
        if (priced.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        CostEstimates.Estimate estimate = costs.monthly(provider, priced.get().key(), priced.get().units());
        if (estimate.monthlyUsd() == null) {
            notes.add(priced.get().key() + ": " + estimate.unavailableReason());
            return null;
        }
        return estimate.monthlyUsd().setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specOf(RecordedResource resource) {
        if (resource.spec == null) {
            return Map.of();
        }
        try {
            return JsonMapping.mapper().readValue(resource.spec, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException("recorded spec of " + resource.address + " does not parse", e);
        }
    }

    private static Map<String, AttributeChange> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, AttributeChange> changes = new LinkedHashMap<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            JsonNode from = JsonMapping.mapper().valueToTree(before.get(key));
            JsonNode to = JsonMapping.mapper().valueToTree(after.get(key));
            if (!Objects.equals(from, to)) {
                changes.put(key, new AttributeChange(before.get(key), after.get(key)));
            }
        }
        return changes;
    }
}
