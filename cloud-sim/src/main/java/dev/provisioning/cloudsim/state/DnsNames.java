package dev.provisioning.cloudsim.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Route53's view of DNS names: lower case, fully qualified, special characters as octal escapes. */
public final class DnsNames {

    /** Orders names by their labels read right to left ({@code com.example.www}), as Route53 lists them. */
    public static final Comparator<String> ROUTE53_ORDER = (a, b) -> {
        List<String> left = reversedLabels(a);
        List<String> right = reversedLabels(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byLabel = left.get(i).compareTo(right.get(i));
            if (byLabel != 0) {
                return byLabel;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    private DnsNames() {
    }

    /**
     * The form Route53 stores and returns: {@code *.Example.com} becomes {@code \052.example.com.}.
     * Characters other than letters, digits, hyphen and underscore are escaped as Route53 does.
     */
    public static String canonical(String name) {
        String trimmed = name.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.endsWith(".")) {
            trimmed = trimmed + ".";
        }
        StringBuilder out = new StringBuilder(trimmed.length() + 8);
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\\' && isOctalEscape(trimmed, i)) {
                out.append(trimmed, i, i + 4);
                i += 3;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("\\%03o", b & 0xff));
                }
            }
        }
        return out.toString();
    }

    /** Whether a canonical name is usable: non-empty labels of at most 63 characters, at most 255 in all. */
    public static boolean isValid(String canonical) {
        if (canonical.equals(".") || canonical.length() > 255 || canonical.startsWith(".")) {
            return false;
        }
        String withoutRoot = canonical.substring(0, canonical.length() - 1);
        for (String label : withoutRoot.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is the zone apex or below it; both canonical. */
    public static boolean isWithin(String name, String zone) {
        return name.equals(zone) || name.endsWith("." + zone);
    }

    static List<String> reversedLabels(String name) {
        String withoutRoot = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        List<String> labels = new ArrayList<>(List.of(withoutRoot.split("\\.", -1)));
        Collections.reverse(labels);
        return labels;
    }

    private static boolean isOctalEscape(String text, int backslash) {
        if (backslash + 3 >= text.length()) {
            return false;
        }
        for (int i = backslash + 1; i <= backslash + 3; i++) {
            char d = text.charAt(i);
            if (d < '0' || d > '7') {
                return false;
            }
        }
        return true;
    }
}
