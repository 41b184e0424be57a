package dev.provisioning.cloudsim.state;

/** One entry of a Route53 change batch. */
public record RecordChange(Action action, ResourceRecordSet recordSet) {

    /** Route53 change actions. */
    public enum Action {
        CREATE, UPSERT, DELETE
    }
}
