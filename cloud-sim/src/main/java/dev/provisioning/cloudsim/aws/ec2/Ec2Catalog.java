package dev.provisioning.cloudsim.aws.ec2;

import java.util.List;
import java.util.Optional;

/** The instance types, images and regions the simulated EC2 offers (the same in every region). */
public final class Ec2Catalog {

    /** An instance type with the figures {@code DescribeInstanceTypes} reports. */
    public record InstanceType(String name, int vcpus, int memoryMiB, boolean burstable, String networkPerformance) {
    }

    /** A public machine image. */
    public record Image(String imageId, String name, String description, String ownerId, String architecture,
                        String platformDetails) {
    }

    public static final List<InstanceType> INSTANCE_TYPES = List.of(
            new InstanceType("t3.micro", 2, 1024, true, "Up to 5 Gigabit"),
            new InstanceType("t3.small", 2, 2048, true, "Up to 5 Gigabit"),
            new InstanceType("t3.medium", 2, 4096, true, "Up to 5 Gigabit"),
            new InstanceType("t3.large", 2, 8192, true, "Up to 5 Gigabit"),
            new InstanceType("t3.xlarge", 4, 16384, true, "Up to 5 Gigabit"),
            new InstanceType("m5.large", 2, 8192, false, "Up to 10 Gigabit"));

    public static final List<Image> IMAGES = List.of(
            new Image("ami-09d56f8956ab235b7", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20220609",
                    "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image", "099720109477", "x86_64", "Linux/UNIX"),
            new Image("ami-0e2c8caa4b6378d8c", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241109",
                    "Canonical, Ubuntu, 24.04, amd64 noble image", "099720109477", "x86_64", "Linux/UNIX"),
            new Image("ami-0c02fb55956c7d316", "amzn2-ami-kernel-5.10-hvm-2.0.20220606.1-x86_64-gp2",
                    "Amazon Linux 2 Kernel 5.10 AMI", "137112412989", "x86_64", "Linux/UNIX"));

    public static final List<String> REGIONS = List.of("us-east-1", "us-east-2", "us-west-2", "eu-central-1",
            "eu-west-1", "ap-southeast-1", "ap-northeast-1");

    private Ec2Catalog() {
    }

    public static Optional<InstanceType> instanceType(String name) {
        return INSTANCE_TYPES.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static Optional<Image> image(String imageId) {
        return IMAGES.stream().filter(i -> i.imageId().equals(imageId)).findFirst();
    }

    /** The zone id AWS gives a zone, e.g. {@code apse1-az1} for {@code ap-southeast-1a}. */
    static String zoneId(String region, int zoneIndex) {
        String[] parts = region.split("-");
        if (parts.length != 3) {
            return region + "-az" + (zoneIndex + 1);
        }
        String direction = switch (parts[1]) {
            case "southeast" -> "se";
            case "northeast" -> "ne";
            case "southwest" -> "sw";
            case "northwest" -> "nw";
            default -> parts[1].substring(0, 1);
        };
        return parts[0] + direction + parts[2] + "-az" + (zoneIndex + 1);
    }
}
