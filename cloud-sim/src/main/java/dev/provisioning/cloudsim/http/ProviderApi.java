package dev.provisioning.cloudsim.http;

import dev.provisioning.cloudsim.fault.Fault;

/** One emulated provider API (or group of APIs sharing a wire protocol) mounted on the shared port. */
public interface ProviderApi {

    /** Provider name used to match faults, e.g. {@code digitalocean} or, for AWS, the service name. */
    String provider(SimRequest request);

    /** Wider group the provider belongs to ({@code aws} for every AWS service); faults may target it. */
    String family();

    /** Whether injected faults apply to this API at all. */
    default boolean acceptsFaults() {
        return true;
    }

    SimResponse handle(SimRequest request);

    /** The failure the provider would send for an injected fault, in its own error format. */
    SimResponse injectedFailure(Fault fault, SimRequest request);
}
