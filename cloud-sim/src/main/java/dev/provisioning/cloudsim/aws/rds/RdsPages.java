package dev.provisioning.cloudsim.aws.rds;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * RDS pagination: {@code MaxRecords} (20 to 100, default 100) and an opaque {@code Marker} naming the last item shown.
 * Lists are ordered by identifier and the next page starts after that name, so a marker stays valid (and never comes
 * back twice) even when the item it names has been deleted in between.
 */
final class RdsPages {

    private static final String PREFIX = "after:";

    private RdsPages() {
    }

    /** One page of a list and the marker of the next, null on the last page. */
    record Page<T>(List<T> items, String nextMarker) {
    }

    static <T> Page<T> page(RdsCall call, List<T> ordered, Function<T, String> nameOf) {
        int max = call.optionalInt("MaxRecords").orElse(100);
        if (max < 20 || max > 100) {
            throw RdsCall.invalidValue("Invalid value " + max + " for MaxRecords. Must be between 20 and 100");
        }
        List<T> rest = ordered;
        Optional<String> marker = call.optional("Marker");
        if (marker.isPresent()) {
            String after = decode(marker.get());
            rest = ordered.stream().filter(item -> nameOf.apply(item).compareTo(after) > 0).toList();
        }
        List<T> items = rest.subList(0, Math.min(max, rest.size()));
        String next = rest.size() > max ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                (PREFIX + nameOf.apply(items.get(items.size() - 1))).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(items, next);
    }

    private static String decode(String marker) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            text = "";
        }
        if (!text.startsWith(PREFIX)) {
            throw RdsCall.invalidValue("Invalid marker: " + marker);
        }
        return text.substring(PREFIX.length());
    }
}
