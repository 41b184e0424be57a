package dev.provisioning.cloudsim.hetzner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Hetzner's label selector: comma-separated terms that must all hold, each {@code key}, {@code !key},
 * {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)} or {@code key notin (a,b)}.
 */
final class LabelSelector implements Predicate<Map<String, String>> {

    private final List<Predicate<Map<String, String>>> terms;

    private LabelSelector(List<Predicate<Map<String, String>>> terms) {
        this.terms = terms;
    }

    /** @throws RejectedHetznerRequest {@code invalid_input} for a selector that does not parse */
    static LabelSelector parse(String selector) {
        List<Predicate<Map<String, String>>> terms = new ArrayList<>();
        for (String term : splitTerms(selector)) {
            String t = term.trim();
            if (t.isEmpty()) {
                continue;
            }
            terms.add(term(t, selector));
        }
        return new LabelSelector(terms);
    }

    @Override
    public boolean test(Map<String, String> labels) {
        return terms.stream().allMatch(t -> t.test(labels));
    }

    private static Predicate<Map<String, String>> term(String t, String selector) {
        int in = t.indexOf(" in ");
        int notIn = t.indexOf(" notin ");
        if (notIn > 0 || in > 0) {
            boolean negated = notIn > 0;
            String key = t.substring(0, negated ? notIn : in).trim();
            String list = t.substring((negated ? notIn + 7 : in + 4)).trim();
            if (!list.startsWith("(") || !list.endsWith(")")) {
                throw invalid(selector);
            }
            Set<String> values = Set.of(list.substring(1, list.length() - 1).replace(" ", "").split(","));
            return labels -> negated != (labels.containsKey(key) && values.contains(labels.get(key)));
        }
        if (t.contains("!=")) {
            String[] kv = t.split("!=", 2);
            return labels -> !kv[1].trim().equals(labels.get(kv[0].trim()));
        }
        if (t.contains("=")) {
            String[] kv = t.contains("==") ? t.split("==", 2) : t.split("=", 2);
            return labels -> kv[1].trim().equals(labels.get(kv[0].trim()));
        }
        if (t.startsWith("!")) {
            String key = t.substring(1).trim();
            return labels -> !labels.containsKey(key);
        }
        if (t.contains(" ") || t.contains("(")) {
            throw invalid(selector);
        }
        return labels -> labels.containsKey(t);
    }

    /** Splits on commas outside parentheses, so {@code env in (a,b)} stays one term. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : selector.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                terms.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        terms.add(current.toString());
        return terms;
    }

    private static RejectedHetznerRequest invalid(String selector) {
        return RejectedHetznerRequest.invalidInput("label_selector", "unable to parse label selector '" + selector + "'");
    }
}
