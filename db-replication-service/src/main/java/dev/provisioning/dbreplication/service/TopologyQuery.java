package dev.provisioning.dbreplication.service;

import dev.provisioning.dbreplication.DatabaseNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads a workspace's recorded database servers. */
@ApplicationScoped
public class TopologyQuery {

    /** The live servers of a workspace; empty when no database server of it was ever recorded. */
    @Transactional
    public Optional<List<DatabaseNode>> liveNodes(String workspace) {
        if (!DatabaseNode.anyOf(workspace)) {
            return Optional.empty();
        }
        return Optional.of(DatabaseNode.liveOf(workspace));
    }
}
