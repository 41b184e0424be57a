package dev.provisioning.awsagent.service;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/** An application load balancer with the region it was found in (the SDK object names it only inside the ARN). */
public record AlbDeployment(String region, LoadBalancer loadBalancer) {
}
