package dev.provisioning.awsagent.service;

import java.util.Optional;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

/** An RDS DB instance with the region it was found in, which the SDK object does not name. */
public record RegionalDbInstance(String region, DBInstance instance) {

    /** The value of one of its tags. */
    public Optional<String> tag(String key) {
        return instance.tagList().stream().filter(t -> key.equals(t.key())).map(Tag::value).findFirst();
    }

    public String identifier() {
        return instance.dbInstanceIdentifier();
    }

    public String status() {
        return instance.dbInstanceStatus();
    }
}
