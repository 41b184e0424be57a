package dev.provisioning.hetzneragent.service;

import dev.provisioning.agent.reconcile.ResourceKindReconciler;
import me.tomsdevsn.hetznercloud.objects.general.Server;

/**
 * A kind whose provider object is a Hetzner server (the {@code server} kind, a database replica on its own server or
 * on a host): ready once the server is {@code running}; its status and id are the server's.
 */
interface HetznerServerKind extends ResourceKindReconciler<Server> {

    @Override
    default boolean isReady(Server observed) {
        return HetznerServers.isRunning(observed);
    }

    @Override
    default String status(Server observed) {
        return HetznerServers.status(observed);
    }

    @Override
    default String providerId(Server observed) {
        return String.valueOf(observed.getId());
    }
}
