package dev.provisioning.planner.client;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What EC2 offers: its regions, and per region the instance types and whether given AMIs exist there. */
public interface AwsListing {

    /** The region names {@code DescribeRegions} lists. */
    List<String> regions();

    /** The instance type names {@code DescribeInstanceTypes} lists in a region. */
    List<String> instanceTypes(String region);

    /** Of the given AMI ids, those {@code DescribeImages} finds in a region. */
    Set<String> existingImages(String region, Collection<String> imageIds);
}
