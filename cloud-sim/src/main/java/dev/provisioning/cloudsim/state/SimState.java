package dev.provisioning.cloudsim.state;

import dev.provisioning.cloudsim.CloudSimConfig;
import dev.provisioning.cloudsim.runtime.LiveConfig;
import dev.provisioning.cloudsim.runtime.SimTimers;
import java.util.List;
import java.util.Optional;

/** Everything the simulator holds, readable from tests; each store is thread-safe on its own. */
public final class SimState {

    private final DropletStore droplets;
    private final HostedZoneStore hostedZones;

    public SimState(SimTimers timers, LiveConfig config) {
        this.droplets = new DropletStore(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.dropletBootDelay());
        });
        this.hostedZones = new HostedZoneStore(timers, () -> {
            CloudSimConfig now = config.current();
            return now.scaled(now.dnsChangeDelay());
        });
    }

    public DropletStore dropletStore() {
        return droplets;
    }

    public HostedZoneStore hostedZoneStore() {
        return hostedZones;
    }

    /** Every droplet, ordered by id. */
    public List<Droplet> droplets() {
        return droplets.list();
    }

    public Optional<Droplet> droplet(int id) {
        return droplets.find(id);
    }

    public List<Droplet> dropletsTagged(String tag) {
        return droplets.list().stream().filter(d -> d.hasTag(tag)).toList();
    }

    /** Every hosted zone, ordered by id. */
    public List<HostedZone> hostedZones() {
        return hostedZones.zones();
    }

    /** A zone by id, given bare ({@code Z…}) or as the API shows it ({@code /hostedzone/Z…}). */
    public Optional<HostedZone> hostedZone(String zoneId) {
        return hostedZones.zone(bareZoneId(zoneId));
    }

    /** Zones with the given name, in any case, with or without the trailing dot. */
    public List<HostedZone> hostedZonesNamed(String name) {
        String canonical = DnsNames.canonical(name);
        return hostedZones.zones().stream().filter(z -> z.name().equals(canonical)).toList();
    }

    /** Record sets of a zone in Route53 listing order; empty for an unknown zone. */
    public List<ResourceRecordSet> records(String zoneId) {
        try {
            return hostedZones.records(bareZoneId(zoneId));
        } catch (StoreRejection unknownZone) {
            return List.of();
        }
    }

    /** Record sets of a zone with the given name and type (several when routing policies are used). */
    public List<ResourceRecordSet> records(String zoneId, String name, String type) {
        String canonical = DnsNames.canonical(name);
        return records(zoneId).stream()
                .filter(r -> r.name().equals(canonical) && r.type().equalsIgnoreCase(type))
                .toList();
    }

    /** Forgets every resource of every provider. */
    public void reset() {
        droplets.reset();
        hostedZones.reset();
    }

    private static String bareZoneId(String zoneId) {
        String bare = zoneId.startsWith("/") ? zoneId.substring(1) : zoneId;
        return bare.startsWith("hostedzone/") ? bare.substring("hostedzone/".length()) : bare;
    }
}
