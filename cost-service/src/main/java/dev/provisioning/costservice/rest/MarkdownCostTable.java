package dev.provisioning.costservice.rest;

import dev.provisioning.costservice.Component;
import dev.provisioning.costservice.PriceStatus;
import dev.provisioning.costservice.service.WorkspaceCostReport;
import dev.provisioning.costservice.service.WorkspaceCostReport.ResourceLine;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a workspace's costs as the Markdown table operators know from the workspace README: components as rows,
 * regions as columns, totals last. A cell of resources with no charge of their own (a replica on an existing server)
 * says {@code included}; the budget, when one was recorded, follows the table.
 */
public final class MarkdownCostTable {

    public static final String MEDIA_TYPE = "text/markdown";
    private static final String NONE = "-";

    private MarkdownCostTable() {
    }

    public static String render(WorkspaceCostReport report) {
        List<String> regions = report.byRegion().stream().map(WorkspaceCostReport.RegionCost::region).toList();
        Map<Component, Map<String, Cell>> cells = new LinkedHashMap<>();
        report.byComponent().forEach(c -> cells.put(c.component(), new LinkedHashMap<>()));
        for (ResourceLine line : report.resources()) {
            cells.get(line.component()).computeIfAbsent(line.region(), r -> new Cell()).add(line);
        }

        StringBuilder md = new StringBuilder();
        md.append("| Component |");
        regions.forEach(r -> md.append(' ').append(r).append(" |"));
        md.append(" Total |\n|---|");
        regions.forEach(r -> md.append("---|"));
        md.append("---|\n");
        for (WorkspaceCostReport.ComponentCost component : report.byComponent()) {
            Map<String, Cell> row = cells.get(component.component());
            md.append("| ").append(component.component().label()).append(" |");
            regions.forEach(r -> md.append(' ').append(row.containsKey(r) ? row.get(r).text() : NONE).append(" |"));
            md.append(' ').append(dollars(component.monthlyUsd())).append(" |\n");
        }
        md.append("| Total |");
        report.byRegion().forEach(r -> md.append(' ').append(dollars(r.monthlyUsd())).append(" |"));
        md.append(' ').append(dollars(report.monthlyTotal())).append(" |\n");
        if (report.budget() != null) {
            md.append("\nBudget: ").append(dollars(report.budget().monthlyUsd())).append("/month, ")
                    .append(report.budget().exceeded() ? "exceeded by " + dollars(report.budget().exceededByUsd())
                            : "within it")
                    .append(".\n");
        }

        List<ResourceLine> unpriced = report.resources().stream().filter(l -> l.monthlyUsd() == null).toList();
        if (!unpriced.isEmpty()) {
            // Totals leave these out; saying so keeps a low total from being mistaken for the whole bill.
            md.append("\nNot included (unpriced):\n\n");
            unpriced.forEach(l -> md.append("- `").append(l.address()).append("`: ")
                    .append(l.unpricedReason()).append('\n'));
        }
        return md.toString();
    }

    /**
     * The resources of one component in one region: the sum of the priced ones, whether some are included at no
     * charge of their own, and how many are unpriced.
     */
    private static final class Cell {
        private BigDecimal priced;
        private boolean included;
        private int unpriced;

        void add(ResourceLine line) {
            if (line.status() == PriceStatus.INCLUDED) {
                included = true;
            } else if (line.monthlyUsd() == null) {
                unpriced++;
            } else {
                priced = priced == null ? line.monthlyUsd() : priced.add(line.monthlyUsd());
            }
        }

        String text() {
            String amount = priced != null ? dollars(priced) : included ? "included" : null;
            String unpricedText = unpriced + " unpriced";
            if (amount == null) {
                return unpricedText;
            }
            return unpriced == 0 ? amount : amount + " + " + unpricedText;
        }
    }

    /** US dollars with thousands separators and cents, e.g. {@code $1,234.50}. */
    static String dollars(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("$#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(amount);
    }
}
