package dev.provisioning.cloudsim.aws.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.provisioning.cloudsim.CloudSim;
import dev.provisioning.cloudsim.CloudSimConfig;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.KeyType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SummaryStatus;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** EC2 key pairs and instance status checks through the AWS SDK for Java v2, its waiter included. */
class Ec2KeyPairSdkTest {

    static CloudSim sim;
    Ec2Client ec2;

    @BeforeAll
    static void start() throws Exception {
        sim = CloudSim.start(CloudSimConfig.defaults().withPort(0).withEc2BootDelay(Duration.ofMillis(500)));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void client() {
        sim.reset();
        ec2 = Ec2SdkTest.client(sim, Region.AP_SOUTHEAST_1);
    }

    @AfterEach
    void closeClient() {
        ec2.close();
    }

    @Test
    void aCreatedRsaKeyPairCarriesAUsablePrivateKeyFingerprintedAsEc2Does() throws Exception {
        CreateKeyPairResponse created = ec2.createKeyPair(r -> r.keyName("deploy").tagSpecifications(
                TagSpecification.builder().resourceType(ResourceType.KEY_PAIR)
                        .tags(Tag.builder().key("team").value("ops").build()).build()));

        assertEquals("deploy", created.keyName());
        assertTrue(created.keyPairId().matches("key-0[0-9a-f]{16}"), created.keyPairId());
        String pem = created.keyMaterial();
        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"), pem);
        assertTrue(pem.endsWith("-----END RSA PRIVATE KEY-----"), pem);
        byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertEquals(0x30, pkcs1[0] & 0xff, "a DER sequence");
        assertTrue(created.keyFingerprint().matches("([0-9a-f]{2}:){19}[0-9a-f]{2}"), created.keyFingerprint());
        assertEquals(List.of(Tag.builder().key("team").value("ops").build()), created.tags());

        KeyPairInfo described = ec2.describeKeyPairs(r -> r.keyNames("deploy").includePublicKey(true)).keyPairs()
                .get(0);
        assertEquals(created.keyPairId(), described.keyPairId());
        assertEquals(created.keyFingerprint(), described.keyFingerprint());
        assertEquals(KeyType.RSA, described.keyType());
        assertTrue(described.publicKey().startsWith("ssh-rsa AAAAB3NzaC1yc2E"), described.publicKey());
        assertTrue(described.publicKey().endsWith(" deploy"));
        assertTrue(described.createTime() != null);
        assertPublicKeyMatchesPrivate(described.publicKey(), pkcs1);
        assertNull(ec2.describeKeyPairs(r -> r.keyNames("deploy")).keyPairs().get(0).publicKey());
    }

    @Test
    void ed25519KeyPairsAreOpenSshKeysFingerprintedBySha256() throws Exception {
        CreateKeyPairResponse created = ec2.createKeyPair(r -> r.keyName("edge").keyType(KeyType.ED25519));

        assertTrue(created.keyMaterial().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
        byte[] file = Base64.getMimeDecoder().decode(created.keyMaterial().replaceAll("-----[A-Z ]+-----", ""));
        assertTrue(new String(file, StandardCharsets.US_ASCII).startsWith("openssh-key-v1\0"));
        String publicKey = ec2.describeKeyPairs(r -> r.keyPairIds(created.keyPairId()).includePublicKey(true))
                .keyPairs().get(0).publicKey();
        byte[] blob = Base64.getDecoder().decode(publicKey.split(" ")[1]);
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob)),
                created.keyFingerprint());
        assertEquals(List.of("edge"), ec2.describeKeyPairs(r -> r.filters(Filter.builder().name("key-type")
                .values("ed25519").build())).keyPairs().stream().map(KeyPairInfo::keyName).toList());
    }

    @Test
    void importedPublicKeysAreFingerprintedByTheMd5OfTheirDerForm() throws Exception {
        CreateKeyPairResponse source = ec2.createKeyPair(r -> r.keyName("source"));
        String openSsh = ec2.describeKeyPairs(r -> r.keyNames("source").includePublicKey(true)).keyPairs().get(0)
                .publicKey();

        ImportKeyPairResponse imported = ec2.importKeyPair(r -> r.keyName("imported")
                .publicKeyMaterial(SdkBytes.fromUtf8String(openSsh.replace(" source", " me@laptop\n"))));

        byte[] pkcs1 = Base64.getMimeDecoder().decode(source.keyMaterial().replaceAll("-----[A-Z ]+-----", ""));
        RSAPrivateCrtKey key = privateKey(pkcs1);
        byte[] der = KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.RSAPublicKeySpec(
                key.getModulus(), key.getPublicExponent())).getEncoded();
        assertEquals(HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(der)),
                imported.keyFingerprint());
        assertEquals("imported", imported.keyName());

        Ec2Exception garbage = assertThrows(Ec2Exception.class, () -> ec2.importKeyPair(r -> r.keyName("bad")
                .publicKeyMaterial(SdkBytes.fromUtf8String("ssh-rsa not-base64-at-all"))));
        assertEquals("InvalidKey.Format", garbage.awsErrorDetails().errorCode());
    }

    @Test
    void namesAreUniquePerRegionAndDeletionIsQuietForUnknownNames() {
        ec2.createKeyPair(r -> r.keyName("deploy"));

        Ec2Exception duplicate = assertThrows(Ec2Exception.class, () -> ec2.createKeyPair(r -> r.keyName("deploy")));
        assertEquals("InvalidKeyPair.Duplicate", duplicate.awsErrorDetails().errorCode());
        try (Ec2Client frankfurt = Ec2SdkTest.client(sim, Region.EU_CENTRAL_1)) {
            frankfurt.createKeyPair(r -> r.keyName("deploy"));
            assertEquals(1, frankfurt.describeKeyPairs(r -> { }).keyPairs().size());
        }

        ec2.deleteKeyPair(r -> r.keyName("deploy"));
        ec2.deleteKeyPair(r -> r.keyName("never-made"));
        Ec2Exception gone = assertThrows(Ec2Exception.class, () -> ec2.describeKeyPairs(r -> r.keyNames("deploy")));
        assertEquals("InvalidKeyPair.NotFound", gone.awsErrorDetails().errorCode());
        assertEquals(1, sim.state().ec2Store().keyPairs().size());
        Ec2Exception badType = assertThrows(Ec2Exception.class,
                () -> ec2.createKeyPair(r -> r.keyName("x").keyType("dsa")));
        assertEquals("InvalidParameterValue", badType.awsErrorDetails().errorCode());
    }

    @Test
    void instancesLaunchWithAKnownKeyPairAndReportIt() {
        ec2.createKeyPair(r -> r.keyName("deploy"));

        String instanceId = ec2.runInstances(r -> r.imageId(Ec2SdkTest.AMI).instanceType("t3.micro").minCount(1)
                .maxCount(1).keyName("deploy")).instances().get(0).instanceId();

        assertEquals("deploy", ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0)
                .instances().get(0).keyName());
        assertEquals("deploy", sim.state().ec2Instance(instanceId).orElseThrow().keyName());
        assertEquals(1, ec2.describeInstances(r -> r.filters(Filter.builder().name("key-name").values("deploy")
                .build())).reservations().size());
        Ec2Exception unknown = assertThrows(Ec2Exception.class, () -> ec2.runInstances(r -> r.imageId(Ec2SdkTest.AMI)
                .minCount(1).maxCount(1).keyName("nobody")));
        assertEquals("InvalidKeyPair.NotFound", unknown.awsErrorDetails().errorCode());
    }

    @Test
    void statusChecksInitializeWhilePendingAndTheWaiterSeesThemOk() {
        String instanceId = ec2.runInstances(r -> r.imageId(Ec2SdkTest.AMI).minCount(1).maxCount(1)).instances()
                .get(0).instanceId();

        assertTrue(ec2.describeInstanceStatus(r -> r.instanceIds(instanceId)).instanceStatuses().isEmpty(),
                "only running instances are listed by default");
        InstanceStatus pending = ec2.describeInstanceStatus(r -> r.instanceIds(instanceId).includeAllInstances(true))
                .instanceStatuses().get(0);
        assertEquals(SummaryStatus.INITIALIZING, pending.instanceStatus().status());
        assertEquals(SummaryStatus.INITIALIZING, pending.systemStatus().status());
        assertEquals("pending", pending.instanceState().nameAsString());

        InstanceStatus ok = ec2.waiter().waitUntilInstanceStatusOk(r -> r.instanceIds(instanceId),
                o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50))).maxAttempts(100))
                .matched().response().orElseThrow().instanceStatuses().get(0);
        assertEquals(SummaryStatus.OK, ok.instanceStatus().status());
        assertEquals(SummaryStatus.OK, ok.systemStatus().status());
        assertEquals("reachability", ok.instanceStatus().details().get(0).nameAsString());
        assertEquals("passed", ok.instanceStatus().details().get(0).statusAsString());
        assertEquals("ap-southeast-1a", ok.availabilityZone());

        ec2.stopInstances(r -> r.instanceIds(instanceId));
        InstanceStatus stopping = ec2.describeInstanceStatus(r -> r.includeAllInstances(true)).instanceStatuses()
                .get(0);
        assertEquals(SummaryStatus.NOT_APPLICABLE, stopping.instanceStatus().status());
        assertTrue(stopping.instanceStatus().details().isEmpty());
        assertTrue(ec2.describeInstanceStatus(r -> r.filters(Filter.builder().name("instance-status.status")
                .values("ok").build())).instanceStatuses().isEmpty());
        Ec2Exception unknown = assertThrows(Ec2Exception.class,
                () -> ec2.describeInstanceStatus(r -> r.instanceIds("i-0123456789abcdef0")));
        assertEquals("InvalidInstanceID.NotFound", unknown.awsErrorDetails().errorCode());
        assertFalse(ec2.describeInstanceStatus(r -> r.includeAllInstances(true).maxResults(5)).instanceStatuses()
                .isEmpty());
    }

    /** The OpenSSH public key holds the exponent and modulus of the PKCS#1 private key. */
    private static void assertPublicKeyMatchesPrivate(String openSsh, byte[] pkcs1) throws Exception {
        RSAPrivateCrtKey key = privateKey(pkcs1);
        SshWire.Reader blob = new SshWire.Reader(Base64.getDecoder().decode(openSsh.split(" ")[1]));
        assertEquals("ssh-rsa", blob.text());
        assertEquals(key.getPublicExponent(), blob.mpint());
        assertEquals(key.getModulus(), blob.mpint());
    }

    /** Reads a PKCS#1 RSA key by wrapping it in the fixed PKCS#8 header for RSA. */
    private static RSAPrivateCrtKey privateKey(byte[] pkcs1) throws Exception {
        byte[] algorithm = HexFormat.of().parseHex("020100300d06092a864886f70d0101010500");
        byte[] octets = concat(new byte[] {0x04}, derLength(pkcs1.length), pkcs1);
        byte[] body = concat(algorithm, octets);
        byte[] pkcs8 = concat(new byte[] {0x30}, derLength(body.length), body);
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static byte[] derLength(int length) {
        return length < 0x80 ? new byte[] {(byte) length}
                : new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += part.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
