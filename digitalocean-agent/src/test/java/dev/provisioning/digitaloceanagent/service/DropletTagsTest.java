package dev.provisioning.digitaloceanagent.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.agent.retry.ProviderException;
import dev.provisioning.contracts.ResourceAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropletTagsTest {

    static final ResourceAddress ADDRESS = ResourceAddress.parse("multi-region-ha/us-east/droplet/us-app-1");

    @Test
    void theAddressTagIsAStableShortHashInTagCharacters() {
        String tag = DropletTags.addressTag(ADDRESS);
        assertTrue(tag.matches("prov-addr:[0-9a-f]{20}"), tag);
        assertEquals(tag, DropletTags.addressTag(ResourceAddress.parse(ADDRESS.toString())));
        assertNotEquals(tag, DropletTags.addressTag(ResourceAddress.parse("multi-region-ha/us-east/droplet/us-app-2")));
    }

    @Test
    void everyDropletCarriesItsAddressWorkspaceAndRegionBeforeTheSpecTags() {
        assertEquals(List.of(DropletTags.addressTag(ADDRESS), "workspace:multi-region-ha", "region:us-east", "env:prod"),
                DropletTags.forDroplet(ADDRESS, List.of("env:prod", "region:us-east")));
    }

    @Test
    void dotsInTheWorkspaceBecomeUnderscores() {
        ResourceAddress dotted = ResourceAddress.parse("shop.example/eu.central/droplet/web");
        assertEquals(List.of(DropletTags.addressTag(dotted), "workspace:shop_example", "region:eu_central"),
                DropletTags.forDroplet(dotted, List.of()));
    }

    @Test
    void specTagsMustBeValidAndMayNotImpersonateAnAddress() {
        ProviderException invalid = assertThrows(ProviderException.class,
                () -> DropletTags.forDroplet(ADDRESS, List.of("owner=ops")));
        assertEquals("invalid_spec", invalid.errorCode());
        ProviderException reserved = assertThrows(ProviderException.class,
                () -> DropletTags.forDroplet(ADDRESS, List.of("prov-addr:0123")));
        assertEquals("invalid_spec", reserved.errorCode());
    }
}
