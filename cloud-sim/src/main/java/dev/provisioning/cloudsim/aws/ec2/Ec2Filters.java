package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * EC2 {@code Filter.N} semantics: every named filter must match (AND), any of a filter's values may (OR), and values
 * may use {@code *} and {@code ?} wildcards.
 */
final class Ec2Filters {

    private Ec2Filters() {
    }

    /**
     * @param valuesOf the values an item has for a filter name, or null when the resource type has no such filter
     */
    static <T> List<T> apply(List<T> items, Map<String, List<String>> filters,
                             BiFunction<T, String, List<String>> valuesOf) {
        List<T> kept = new ArrayList<>();
        for (T item : items) {
            boolean all = true;
            for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
                List<String> actual = valuesOf.apply(item, filter.getKey());
                if (actual == null) {
                    throw new RejectedAwsRequest(400, "InvalidParameterValue", "The filter '" + filter.getKey()
                            + "' is invalid");
                }
                if (!anyMatches(filter.getValue(), actual)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                kept.add(item);
            }
        }
        return kept;
    }

    /** Values of the tag filters ({@code tag:<key>}, {@code tag-key}, {@code tag-value}); null for other names. */
    static List<String> tagValues(Map<String, String> tags, String filterName) {
        if (filterName.startsWith("tag:")) {
            String value = tags.get(filterName.substring(4));
            return value == null ? List.of() : List.of(value);
        }
        return switch (filterName) {
            case "tag-key" -> List.copyOf(tags.keySet());
            case "tag-value" -> List.copyOf(tags.values());
            default -> null;
        };
    }

    private static boolean anyMatches(List<String> wanted, List<String> actual) {
        for (String pattern : wanted) {
            Pattern regex = wildcard(pattern);
            for (String value : actual) {
                if (value != null && regex.matcher(value).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
