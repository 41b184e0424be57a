package dev.provisioning.costservice.service;

/** No event about the workspace has ever reached cost-service. */
public class UnknownWorkspaceException extends RuntimeException {

    private final String workspace;

    public UnknownWorkspaceException(String workspace) {
        super("workspace '" + workspace + "' is unknown to cost-service: no resource of it has been reported ready");
        this.workspace = workspace;
    }

    public String workspace() {
        return workspace;
    }
}
