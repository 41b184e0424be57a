package dev.provisioning.provctl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws one progress bar per region from a rollout's steps (address {@code <ws>/<region>/<kind>/<name>}). */
public final class ProgressBars {

    static final int WIDTH = 30;

    private ProgressBars() {
    }

    /** Counts of one region's steps by status. */
    record RegionProgress(String region, int total, int succeeded, int failed, int dispatched) {
    }

    public static List<String> render(JsonNode rollout) {
        List<String> lines = new ArrayList<>();
        for (RegionProgress progress : progressByRegion(rollout).values()) {
            lines.add(line(progress));
        }
        return lines;
    }

    static Map<String, RegionProgress> progressByRegion(JsonNode rollout) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (JsonNode step : rollout.path("steps")) {
            String[] address = step.path("address").asText("").split("/");
            String region = address.length >= 2 ? address[1] : "global";
            int[] count = counts.computeIfAbsent(region, r -> new int[4]);
            count[0]++;
            switch (step.path("status").asText()) {
                case "SUCCEEDED" -> count[1]++;
                case "FAILED" -> count[2]++;
                case "DISPATCHED" -> count[3]++;
                default -> {
                }
            }
        }
        Map<String, RegionProgress> result = new LinkedHashMap<>();
        counts.forEach((region, c) -> result.put(region, new RegionProgress(region, c[0], c[1], c[2], c[3])));
        return result;
    }

    static String line(RegionProgress progress) {
        int done = progress.succeeded() + progress.failed();
        int filled = progress.total() == 0 ? WIDTH : done * WIDTH / progress.total();
        int percent = progress.total() == 0 ? 100 : done * 100 / progress.total();
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        StringBuilder line = new StringBuilder(String.format("%-16s [%s] %3d%%  %d/%d", progress.region(), bar, percent,
                progress.succeeded(), progress.total()));
        if (progress.dispatched() > 0) {
            line.append("  ").append(progress.dispatched()).append(" in progress");
        }
        if (progress.failed() > 0) {
            line.append("  ").append(progress.failed()).append(" failed");
        }
        return line.toString();
    }
}
