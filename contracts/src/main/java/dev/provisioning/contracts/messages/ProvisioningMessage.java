package dev.provisioning.contracts.messages;

/** Any command or event carried on the provisioning topics; its key orders one resource's history on a partition. */
public sealed interface ProvisioningMessage
        permits ProvisionResource, DeleteResource, ResourceReady, ResourceFailed, ResourceDeleted,
        DnsRecordSynced, ResourcePriced, BudgetExceeded, RolloutCompleted {

    /** The Kafka record key: a resource address, or a workspace name for workspace-wide events. */
    String key();

    /** The CloudEvents subject: what the message is about. */
    default String subject() {
        return key();
    }
}
