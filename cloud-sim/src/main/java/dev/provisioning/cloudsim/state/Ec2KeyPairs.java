package dev.provisioning.cloudsim.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The key pairs of every region, by id; not thread-safe on its own: {@link Ec2Store} guards it with its lock. */
final class Ec2KeyPairs {

    private final Map<String, Ec2KeyPair> byId = new LinkedHashMap<>();

    /** @throws AwsRejection {@code InvalidKeyPair.Duplicate} when the region has a pair of that name */
    void add(Ec2KeyPair keyPair) {
        if (named(keyPair.region(), keyPair.keyName()).isPresent()) {
            throw new AwsRejection("InvalidKeyPair.Duplicate", "The keypair '" + keyPair.keyName()
                    + "' already exists.");
        }
        byId.put(keyPair.keyPairId(), keyPair);
    }

    List<Ec2KeyPair> all() {
        return List.copyOf(byId.values());
    }

    List<Ec2KeyPair> in(String region) {
        return byId.values().stream().filter(k -> k.region().equals(region)).toList();
    }

    Optional<Ec2KeyPair> named(String region, String keyName) {
        return byId.values().stream().filter(k -> k.region().equals(region) && k.keyName().equals(keyName))
                .findFirst();
    }

    /** @throws AwsRejection {@code InvalidKeyPair.NotFound} */
    Ec2KeyPair existing(String region, String keyName) {
        return named(region, keyName).orElseThrow(() -> notFound("The key pair '" + keyName + "' does not exist"));
    }

    /** @throws AwsRejection {@code InvalidKeyPair.NotFound} */
    Ec2KeyPair withId(String region, String keyPairId) {
        Ec2KeyPair keyPair = byId.get(keyPairId);
        if (keyPair == null || !keyPair.region().equals(region)) {
            throw notFound("The key pair ID '" + keyPairId + "' does not exist");
        }
        return keyPair;
    }

    boolean contains(String keyPairId) {
        return byId.containsKey(keyPairId);
    }

    void remove(String keyPairId) {
        byId.remove(keyPairId);
    }

    void retag(String keyPairId, Map<String, String> tags) {
        byId.computeIfPresent(keyPairId, (id, k) -> k.withTags(tags));
    }

    Map<String, String> tagsOf(String keyPairId) {
        return byId.get(keyPairId).tags();
    }

    void clear() {
        byId.clear();
    }

    private static AwsRejection notFound(String message) {
        return new AwsRejection("InvalidKeyPair.NotFound", message);
    }
}
