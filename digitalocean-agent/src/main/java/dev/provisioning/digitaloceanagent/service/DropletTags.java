package dev.provisioning.digitaloceanagent.service;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tags that tie a droplet to its resource address. DigitalOcean tags allow only letters, digits, {@code :},
 * {@code -} and {@code _}, and an address has {@code /} and {@code .}, so the address is written as a hash tag
 * ({@code prov-addr:<20 hex of its SHA-256>}, the one looked up before any create) plus readable
 * {@code workspace:} and {@code region:} tags for people browsing the account.
 */
public final class DropletTags {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9:_-]{1,255}");
    private static final Pattern INVALID_CHARACTER = Pattern.compile("[^a-zA-Z0-9:_-]");
    static final String ADDRESS_TAG_PREFIX = "prov-addr:";

    private DropletTags() {
    }

    /** The tag identifying the droplet of an address. */
    public static String addressTag(ResourceAddress address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.toString().getBytes(StandardCharsets.UTF_8));
            return ADDRESS_TAG_PREFIX + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Every tag a new droplet gets: the address tags first, then the spec's own tags. */
    public static List<String> forDroplet(ResourceAddress address, List<String> specTags) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(addressTag(address));
        tags.add("workspace:" + readable(address.workspace()));
        tags.add("region:" + readable(address.region()));
        for (String tag : specTags) {
            if (!VALID.matcher(tag).matches()) {
                throw ProviderException.invalidSpec("spec.tags: '" + tag + "' is not a valid DigitalOcean tag "
                        + "(letters, digits, ':', '-' and '_' only, at most 255 characters)");
            }
            if (tag.startsWith(ADDRESS_TAG_PREFIX)) {
                throw ProviderException.invalidSpec("spec.tags: '" + tag + "' uses the reserved prefix '"
                        + ADDRESS_TAG_PREFIX + "'");
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }

    /** An address segment as tag text: the only character it may have that tags refuse is '.', written as '_'. */
    static String readable(String segment) {
        return INVALID_CHARACTER.matcher(segment).replaceAll("_");
    }
}
