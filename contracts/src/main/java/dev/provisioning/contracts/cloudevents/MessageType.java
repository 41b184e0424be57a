package dev.provisioning.contracts.cloudevents;

import dev.provisioning.contracts.messages.BudgetExceeded;
import dev.provisioning.contracts.messages.DeleteResource;
import dev.provisioning.contracts.messages.DnsRecordSynced;
import dev.provisioning.contracts.messages.ProvisionResource;
import dev.provisioning.contracts.messages.ProvisioningMessage;
import dev.provisioning.contracts.messages.ResourceDeleted;
import dev.provisioning.contracts.messages.ResourceFailed;
import dev.provisioning.contracts.messages.ResourcePriced;
import dev.provisioning.contracts.messages.ResourceReady;
import dev.provisioning.contracts.messages.RolloutCompleted;
import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code type} of every message, bound to its Java record. */
public enum MessageType {
    PROVISION_RESOURCE("dev.provisioning.command.provision-resource", ProvisionResource.class),
    DELETE_RESOURCE("dev.provisioning.command.delete-resource", DeleteResource.class),
    RESOURCE_READY("dev.provisioning.resource.ready", ResourceReady.class),
    RESOURCE_FAILED("dev.provisioning.resource.failed", ResourceFailed.class),
    RESOURCE_DELETED("dev.provisioning.resource.deleted", ResourceDeleted.class),
    DNS_RECORD_SYNCED("dev.provisioning.dns.record-synced", DnsRecordSynced.class),
    RESOURCE_PRICED("dev.provisioning.cost.resource-priced", ResourcePriced.class),
    BUDGET_EXCEEDED("dev.provisioning.cost.budget-exceeded", BudgetExceeded.class),
    ROLLOUT_COMPLETED("dev.provisioning.rollout.completed", RolloutCompleted.class);

    private final String ceType;
    private final Class<? extends ProvisioningMessage> javaType;

    MessageType(String ceType, Class<? extends ProvisioningMessage> javaType) {
        this.ceType = ceType;
        this.javaType = javaType;
    }

    public String ceType() {
        return ceType;
    }

    public Class<? extends ProvisioningMessage> javaType() {
        return javaType;
    }

    public static Optional<MessageType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static MessageType of(ProvisioningMessage message) {
        for (MessageType t : values()) {
            if (t.javaType == message.getClass()) {
                return t;
            }
        }
        throw new IllegalStateException("no CloudEvents type for " + message.getClass().getName());
    }
}
