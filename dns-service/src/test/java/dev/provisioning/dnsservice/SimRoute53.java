package dev.provisioning.dnsservice;

import dev.provisioning.deploy.testing.CloudSimTestResource;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Looks at cloud-sim's Route53 through the AWS SDK, as an operator with the aws CLI would. */
final class SimRoute53 {

    private SimRoute53() {
    }

    static Route53Client client() {
        return Route53Client.builder()
                .endpointOverride(URI.create(CloudSimTestResource.sim().url()))
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("observer", "observer")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Every hosted zone named exactly {@code zone}. */
    static List<HostedZone> zonesNamed(String zone) {
        try (Route53Client route53 = client()) {
            return route53.listHostedZonesByName(r -> r.dnsName(zone)).hostedZones().stream()
                    .filter(z -> z.name().equals(zone + "."))
                    .toList();
        }
    }

    /** The record set of that name and type in the zone's single hosted zone. */
    static Optional<ResourceRecordSet> recordSet(String zone, String name, String type) {
        List<HostedZone> zones = zonesNamed(zone);
        if (zones.isEmpty()) {
            return Optional.empty();
        }
        try (Route53Client route53 = client()) {
            return route53.listResourceRecordSets(r -> r.hostedZoneId(zones.get(0).id())).resourceRecordSets().stream()
                    .filter(s -> s.name().equals(name + ".") && s.typeAsString().equals(type))
                    .findFirst();
        }
    }

    /** Every record set value in every hosted zone, to prove nothing points somewhere. */
    static List<String> allValues() {
        try (Route53Client route53 = client()) {
            return route53.listHostedZones().hostedZones().stream()
                    .flatMap(z -> route53.listResourceRecordSets(r -> r.hostedZoneId(z.id())).resourceRecordSets().stream())
                    .flatMap(s -> s.resourceRecords().stream().map(v -> v.value()))
                    .toList();
        }
    }
}
