package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Renders a planner plan as terraform-like text: {@code +} create, {@code ~} update, {@code -/+} replace, {@code -} delete. */
public final class PlanRenderer {

    private PlanRenderer() {
    }

    public static String render(JsonNode plan) {
        StringBuilder text = new StringBuilder();
        text.append("Plan for workspace ").append(plan.path("workspace").asText("?"));
        if (plan.hasNonNull("planId")) {
            text.append(" (plan ").append(plan.get("planId").asText()).append(")");
        }
        text.append("\n");
        List<String> order = new ArrayList<>();
        plan.path("order").forEach(address -> order.add(address.asText()));
        int create = 0;
        int update = 0;
        int replace = 0;
        int delete = 0;
        for (JsonNode region : plan.path("regions")) {
            List<JsonNode> changes = new ArrayList<>();
            region.path("changes").forEach(changes::add);
            if (changes.isEmpty()) {
                continue;
            }
            changes.sort(Comparator.comparingInt(change -> {
                int at = order.indexOf(change.path("address").asText());
                return at < 0 ? Integer.MAX_VALUE : at;
            }));
            text.append("\n").append(region.path("region").asText()).append(" (")
                    .append(money(region.get("monthlyCostDelta"))).append(")\n");
            for (JsonNode change : changes) {
                String action = change.path("action").asText();
                switch (action) {
                    case "create" -> create++;
                    case "update" -> update++;
                    case "replace" -> replace++;
                    case "delete" -> delete++;
                    default -> {
                    }
                }
                text.append("  ").append(marker(action)).append(" ").append(change.path("address").asText());
                String kind = change.path("kind").asText("");
                String provider = change.path("provider").asText("");
                if (!kind.isEmpty() || !provider.isEmpty()) {
                    text.append("  (").append(kind).append(provider.isEmpty() ? "" : ", " + provider).append(")");
                }
                if ("replace".equals(action)) {
                    text.append("  must be replaced");
                }
                text.append("\n");
                for (Iterator<Map.Entry<String, JsonNode>> it = change.path("diff").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> attribute = it.next();
                    text.append("      ").append(attribute.getKey());
                    JsonNode from = attribute.getValue().get("from");
                    JsonNode to = attribute.getValue().get("to");
                    if ("create".equals(action) || from == null || from.isNull()) {
                        text.append(" = ").append(value(to));
                    } else if ("delete".equals(action) || to == null || to.isNull()) {
                        text.append(" = ").append(value(from)).append(" -> null");
                    } else {
                        text.append(": ").append(value(from)).append(" -> ").append(value(to));
                    }
                    text.append("\n");
                }
            }
        }
        if (create + update + replace + delete == 0) {
            text.append("\nNo changes. The running infrastructure matches the workspace.\n");
        } else {
            text.append("\nPlan: ").append(create).append(" to create, ").append(update).append(" to update, ")
                    .append(replace).append(" to replace, ").append(delete).append(" to delete.\n");
        }
        text.append("Monthly cost: ").append(money(plan.get("monthlyCostDelta"))).append("\n");
        JsonNode budget = plan.path("budget");
        if (budget.isObject()) {
            text.append("Budget: $").append(budget.path("projectedMonthlyUsd").decimalValue().setScale(2, RoundingMode.HALF_UP))
                    .append("/month after this plan, of $")
                    .append(budget.path("monthlyUsd").decimalValue().setScale(2, RoundingMode.HALF_UP))
                    .append(budget.path("exceeded").asBoolean() ? " — OVER BUDGET" : "").append("\n");
        }
        for (JsonNode note : plan.path("costNotes")) {
            text.append("Note: ").append(note.asText()).append("\n");
        }
        for (JsonNode warning : plan.path("warnings")) {
            text.append("Warning: ").append(warning.path("field").asText()).append(": ")
                    .append(warning.path("message").asText()).append("\n");
        }
        return text.toString();
    }

    static String marker(String action) {
        return switch (action) {
            case "create" -> "+";
            case "update" -> "~";
            case "replace" -> "-/+";
            case "delete" -> "-";
            default -> "?";
        };
    }

    /** {@code +$48.00/month}, {@code -$12.50/month}, {@code $0.00/month}. */
    static String money(JsonNode amount) {
        BigDecimal value = amount == null || amount.isNull() ? BigDecimal.ZERO : amount.decimalValue();
        String digits = value.abs().setScale(2, RoundingMode.HALF_UP).toPlainString();
        String sign = value.signum() > 0 ? "+" : value.signum() < 0 ? "-" : "";
        return sign + "$" + digits + "/month";
    }

    private static String value(JsonNode node) {
        return node == null ? "null" : node.toString();
    }
}
