package dev.provisioning.awsagent.service;

import software.amazon.awssdk.services.ec2.model.Instance;

/** An EC2 instance with the region it was found in, which the SDK object does not name. */
public record RegionalInstance(String region, Instance instance) {
}
