package dev.provisioning.cloudsim.state;

/**
 * An {@code add_subnet} request whose fields have the right shape; {@link HetznerStore#addSubnet} checks it against the
 * network and the other networks.
 *
 * @param type        {@code cloud}, {@code server} or {@code vswitch}
 * @param ipRange     the block asked for, or null to take the first free /24 of the network
 * @param networkZone e.g. {@code eu-central}
 * @param gateway     an address asked for as the subnet's gateway, or null for the network's first address
 * @param vswitchId   the Robot vSwitch for a {@code vswitch} subnet, null for the other types
 */
public record HetznerSubnetRequest(String type, String ipRange, String networkZone, String gateway, Long vswitchId) {
}
