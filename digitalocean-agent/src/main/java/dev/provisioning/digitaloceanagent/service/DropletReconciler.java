package dev.provisioning.digitaloceanagent.service;

import com.myjeeva.digitalocean.common.DropletStatus;
import com.myjeeva.digitalocean.pojo.Droplet;
import com.myjeeva.digitalocean.pojo.Image;
import com.myjeeva.digitalocean.pojo.Key;
import com.myjeeva.digitalocean.pojo.Network;
import com.myjeeva.digitalocean.pojo.Region;
import dev.provisioning.agent.reconcile.DesiredResource;
import dev.provisioning.agent.reconcile.ReadyResource;
import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import dev.provisioning.digitaloceanagent.client.DropletApi;
import dev.provisioning.digitaloceanagent.config.DigitalOceanConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Droplets ({@code <workspace>/<region>/droplet/<name>}): found by their address tag, created with the spec's
 * {@code size}, {@code image}, {@code tags}, {@code ssh_keys} and {@code vpc} (a VPC address, resolved with
 * {@link VpcReconciler}'s lookup) or {@code vpc_uuid}, ready once {@code active}.
 */
@ApplicationScoped
public class DropletReconciler implements ResourceKindReconciler<Droplet> {

    private static final Logger LOG = Logger.getLogger(DropletReconciler.class);

    private final DropletApi api;
    private final String defaultImage;
    private final VpcReconciler vpcs;

    public DropletReconciler(DropletApi api, DigitalOceanConfig config, VpcReconciler vpcs) {
        this.api = api;
        this.defaultImage = config.defaultImage();
        this.vpcs = vpcs;
    }

    @Override
    public String kind() {
        return "droplet";
    }

    @Override
    public void validate(DesiredResource desired) {
        desired.requiredText("size");
        desired.optionalText("image");
        desired.optionalText("vpc_uuid");
        desired.optionalText("vpc").ifPresent(vpc -> References.parse("vpc", vpc, "vpc"));
        if (desired.optionalText("vpc").isPresent() && desired.optionalText("vpc_uuid").isPresent()) {
            throw ProviderException.invalidSpec("spec.vpc and spec.vpc_uuid name the same thing: give only one");
        }
        sshKeys(desired);
        DropletTags.forDroplet(desired.address(), desired.textList("tags"));
    }

    @Override
    @WithSpan("observe droplet")
    public Optional<Droplet> observe(ResourceAddress address, String providerRegion) {
        List<Droplet> tagged = api.listByTag(DropletTags.addressTag(address));
        if (tagged.size() > 1) {
            // Only possible if something outside this agent created one; the oldest is the one events refer to.
            LOG.warnf("several droplets carry one address tag address=%s count=%d", address, tagged.size());
        }
        return tagged.stream().min(Comparator.comparing(Droplet::getId));
    }

    @Override
    @WithSpan("create droplet")
    public Droplet create(DesiredResource desired) {
        // A retried create may follow one whose answer was lost: look the address up again first.
        Optional<Droplet> existing = observe(desired.address(), desired.providerRegion());
        if (existing.isPresent()) {
            return existing.get();
        }
        Droplet draft = new Droplet();
        draft.setName(desired.address().name());
        draft.setRegion(new Region(desired.providerRegion()));
        draft.setSize(desired.requiredText("size"));
        draft.setImage(new Image(desired.optionalText("image").orElse(defaultImage)));
        draft.setTags(DropletTags.forDroplet(desired.address(), desired.textList("tags")));
        draft.setKeys(sshKeys(desired));
        Optional<String> vpc = desired.optionalText("vpc")
                .map(address -> vpcs.resolve("vpc", address, desired.providerRegion()))
                .or(() -> desired.optionalText("vpc_uuid"));
        return vpc.isPresent() ? api.createInVpc(draft, vpc.get()) : api.create(draft);
    }

    @Override
    public boolean isUpToDate(Droplet observed, DesiredResource desired) {
        return observed.getSize() == null || observed.getSize().equals(desired.requiredText("size"));
    }

    @Override
    public Droplet update(Droplet observed, DesiredResource desired) {
        throw ProviderException.of("resize_unsupported", "droplet " + desired.address() + " (id " + observed.getId()
                + ") has size " + observed.getSize() + " but the spec asks for " + desired.requiredText("size")
                + "; resizing droplets is not supported yet: delete and re-create it", false);
    }

    @Override
    @WithSpan("delete droplet")
    public void delete(Droplet observed) {
        api.delete(observed.getId());
    }

    @Override
    public boolean isReady(Droplet observed) {
        return observed.getStatus() == DropletStatus.ACTIVE;
    }

    @Override
    public String status(Droplet observed) {
        return observed.getStatus() == null ? "unknown" : observed.getStatus().toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String providerId(Droplet observed) {
        return String.valueOf(observed.getId());
    }

    @Override
    public ReadyResource describe(Droplet ready, DesiredResource desired) {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (ready.getNetworks() != null && ready.getNetworks().getVersion4Networks() != null) {
            for (Network network : ready.getNetworks().getVersion4Networks()) {
                if ("public".equals(network.getType())) {
                    addresses.putIfAbsent("ipv4", network.getIpAddress());
                } else if ("private".equals(network.getType())) {
                    addresses.putIfAbsent("ipv4_private", network.getIpAddress());
                }
            }
        }
        String size = ready.getSize() != null ? ready.getSize() : desired.requiredText("size");
        return new ReadyResource(providerId(ready), addresses, size, "digitalocean:size:" + size);
    }

    /** {@code ssh_keys}: numeric ids or fingerprints, as DigitalOcean accepts both. */
    private static List<Key> sshKeys(DesiredResource desired) {
        List<Key> keys = new ArrayList<>();
        for (String value : desired.textList("ssh_keys")) {
            if (value.chars().allMatch(Character::isDigit)) {
                try {
                    keys.add(new Key(Integer.valueOf(value)));
                    continue;
                } catch (NumberFormatException e) {
                    throw ProviderException.invalidSpec("spec.ssh_keys: '" + value + "' is not a valid key id");
                }
            }
            Key key = new Key();
            key.setFingerprint(value);
            keys.add(key);
        }
        return keys;
    }
}
