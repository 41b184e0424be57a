package dev.provisioning.cloudsim.aws.ec2;

import dev.provisioning.cloudsim.aws.RejectedAwsRequest;
import dev.provisioning.cloudsim.http.SimResponse;
import dev.provisioning.cloudsim.http.XmlWriter;
import dev.provisioning.cloudsim.state.Ec2KeyPair;
import dev.provisioning.cloudsim.state.Ec2Store;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateKeyPair, ImportKeyPair, DescribeKeyPairs and DeleteKeyPair. */
final class Ec2KeyPairActions {

    private static final List<String> KEY_TYPES = List.of("rsa", "ed25519");
    private static final int MAX_NAME_LENGTH = 255;
    private static final DateTimeFormatter CREATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Ec2Store store;
    private final Clock clock;

    Ec2KeyPairActions(Ec2Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new key pair; the answer carries the private key, which is not kept. */
    SimResponse createKeyPair(Ec2Call call) {
        String keyName = keyName(call);
        String keyType = call.optional("KeyType").orElse("rsa");
        if (!KEY_TYPES.contains(keyType)) {
            throw Ec2Call.invalidValue("KeyType", keyType);
        }
        String keyFormat = call.optional("KeyFormat").orElse("pem");
        if (!keyFormat.equals("pem")) {
            throw new RejectedAwsRequest(400, keyFormat.equals("ppk") ? "Unsupported" : "InvalidParameterValue",
                    "cloud-sim hands out key material in the pem format only, not '" + keyFormat + "'");
        }
        Map<String, String> tags = call.tagSpecification("key-pair");
        requireFree(call.region(), keyName);
        Ec2KeyMaterial.Created material = Ec2KeyMaterial.create(keyType, keyName);
        Ec2KeyPair keyPair = store.addKeyPair(call.region(), keyName, keyType, material.fingerprint(),
                material.publicKey(), tags, clock.instant());
        return call.respond("CreateKeyPair", xml -> {
            xml.element("keyName", keyPair.keyName())
                    .element("keyFingerprint", keyPair.fingerprint())
                    .element("keyMaterial", material.privateKeyPem())
                    .element("keyPairId", keyPair.keyPairId());
            Ec2Xml.tagSet(xml, keyPair.tags());
        });
    }

    /** A key pair from an OpenSSH public key ({@code PublicKeyMaterial}, base64 as the query protocol sends blobs). */
    SimResponse importKeyPair(Ec2Call call) {
        String keyName = keyName(call);
        byte[] material;
        try {
            material = Base64.getMimeDecoder().decode(call.required("PublicKeyMaterial"));
        } catch (IllegalArgumentException e) {
            throw Ec2Call.invalidValue("PublicKeyMaterial", "(not base64)");
        }
        Map<String, String> tags = call.tagSpecification("key-pair");
        requireFree(call.region(), keyName);
        Ec2KeyMaterial.Imported imported = Ec2KeyMaterial.importPublicKey(material, keyName);
        Ec2KeyPair keyPair = store.addKeyPair(call.region(), keyName, imported.keyType(), imported.fingerprint(),
                imported.publicKey(), tags, clock.instant());
        return call.respond("ImportKeyPair", xml -> {
            xml.element("keyFingerprint", keyPair.fingerprint())
                    .element("keyName", keyPair.keyName())
                    .element("keyPairId", keyPair.keyPairId());
            Ec2Xml.tagSet(xml, keyPair.tags());
        });
    }

    /** {@code KeyName.N}, {@code KeyPairId.N} (unknown → {@code InvalidKeyPair.NotFound}), filters, public keys. */
    SimResponse describeKeyPairs(Ec2Call call) {
        String region = call.region();
        List<String> names = call.list("KeyName");
        List<String> ids = call.list("KeyPairId");
        List<Ec2KeyPair> candidates = new ArrayList<>();
        for (String name : names) {
            candidates.add(store.keyPair(region, name).orElseThrow(() -> new RejectedAwsRequest(400,
                    "InvalidKeyPair.NotFound", "The key pair '" + name + "' does not exist")));
        }
        for (String id : ids) {
            Ec2KeyPair keyPair = store.keyPairWithId(region, id);
            if (!candidates.contains(keyPair)) {
                candidates.add(keyPair);
            }
        }
        if (names.isEmpty() && ids.isEmpty()) {
            candidates.addAll(store.keyPairs(region));
        }
        List<Ec2KeyPair> matching = Ec2Filters.apply(candidates, call.filters(), Ec2KeyPairActions::filterValues);
        boolean includePublicKey = call.flag("IncludePublicKey");
        return call.respond("DescribeKeyPairs", xml -> {
            xml.start("keySet");
            matching.forEach(keyPair -> keyPair(xml, keyPair, includePublicKey));
            xml.end();
        });
    }

    /**
     * By {@code KeyName} (an unknown name is no error, as on AWS) or {@code KeyPairId} (unknown →
     * {@code InvalidKeyPair.NotFound}).
     */
    SimResponse deleteKeyPair(Ec2Call call) {
        Optional<String> keyPairId = call.optional("KeyPairId");
        Optional<String> keyName = call.optional("KeyName");
        if (keyPairId.isEmpty() && keyName.isEmpty()) {
            throw new RejectedAwsRequest(400, "MissingParameter",
                    "The request must contain the parameter KeyName or KeyPairId");
        }
        Optional<Ec2KeyPair> doomed = keyPairId.isPresent()
                ? Optional.of(store.keyPairWithId(call.region(), keyPairId.get()))
                : store.keyPair(call.region(), keyName.get());
        doomed.ifPresent(keyPair -> store.deleteKeyPair(keyPair.keyPairId()));
        return call.respond("DeleteKeyPair", xml -> xml.element("return", true)
                .optional("keyPairId", doomed.map(Ec2KeyPair::keyPairId).orElse(null)));
    }

    private void requireFree(String region, String keyName) {
        if (store.keyPair(region, keyName).isPresent()) {
            throw new RejectedAwsRequest(400, "InvalidKeyPair.Duplicate", "The keypair '" + keyName
                    + "' already exists.");
        }
    }

    private static String keyName(Ec2Call call) {
        String keyName = call.required("KeyName");
        if (keyName.length() > MAX_NAME_LENGTH || !keyName.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new RejectedAwsRequest(400, "InvalidParameterValue", "Value for parameter KeyName is invalid: "
                    + "up to " + MAX_NAME_LENGTH + " printable ASCII characters");
        }
        return keyName;
    }

    private static void keyPair(XmlWriter xml, Ec2KeyPair keyPair, boolean includePublicKey) {
        xml.start("item")
                .element("keyPairId", keyPair.keyPairId())
                .element("keyType", keyPair.keyType());
        Ec2Xml.tagSet(xml, keyPair.tags());
        xml.element("keyName", keyPair.keyName())
                .element("keyFingerprint", keyPair.fingerprint())
                .optional("publicKey", includePublicKey ? keyPair.publicKey() : null)
                .element("createTime", CREATE_TIME.format(keyPair.createTime()))
                .end();
    }

    private static List<String> filterValues(Ec2KeyPair keyPair, String name) {
        List<String> tagValues = Ec2Filters.tagValues(keyPair.tags(), name);
        if (tagValues != null) {
            return tagValues;
        }
        return switch (name) {
            case "key-name" -> List.of(keyPair.keyName());
            case "key-pair-id" -> List.of(keyPair.keyPairId());
            case "fingerprint" -> List.of(keyPair.fingerprint());
            case "key-type" -> List.of(keyPair.keyType());
            default -> null;
        };
    }
}
