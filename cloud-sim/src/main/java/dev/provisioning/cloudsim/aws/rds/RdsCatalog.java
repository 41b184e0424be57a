package dev.provisioning.cloudsim.aws.rds;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated RDS offers and accepts: the PostgreSQL engine in major versions 13 to 17, a small list of
 * instance classes, and RDS's rules for identifiers, the master user, its password and storage sizes. Every check
 * answers with the error RDS gives, naming the value.
 */
final class RdsCatalog {

    static final String ENGINE = "postgres";
    static final int DEFAULT_PORT = 5432;
    static final int MIN_STORAGE_GB = 20;
    static final int MAX_STORAGE_GB = 65_536;

    /** Newest minor version the simulator offers per major version; a bare major version resolves to it. */
    private static final Map<Integer, Integer> NEWEST_MINOR = Map.of(13, 20, 14, 17, 15, 12, 16, 8, 17, 4);

    private static final Set<String> INSTANCE_CLASSES = Set.of(
            "db.t3.micro", "db.t3.small", "db.t3.medium", "db.t3.large", "db.t3.xlarge", "db.t3.2xlarge",
            "db.t4g.micro", "db.t4g.small", "db.t4g.medium", "db.t4g.large", "db.t4g.xlarge", "db.t4g.2xlarge",
            "db.m5.large", "db.m5.xlarge", "db.m5.2xlarge", "db.m5.4xlarge",
            "db.m6g.large", "db.m6g.xlarge", "db.m6g.2xlarge", "db.m6i.large", "db.m6i.xlarge",
            "db.m7g.large", "db.m7g.xlarge",
            "db.r5.large", "db.r5.xlarge", "db.r5.2xlarge", "db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge",
            "db.r6i.large", "db.r6i.xlarge", "db.r7g.large", "db.r7g.xlarge");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z](?:-?[a-z0-9])*");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Pattern SUBNET_GROUP_NAME = Pattern.compile("[a-z0-9 ._-]{1,255}");

    private RdsCatalog() {
    }

    static String engine(String engine) {
        if (!engine.equals(ENGINE)) {
            throw RdsCall.invalidValue("Invalid DB engine: " + engine + " (cloud-sim emulates " + ENGINE + " only)");
        }
        return engine;
    }

    /** The full version for a requested one: {@code 16} → {@code 16.8}; {@code 16.3} stays. */
    static String engineVersion(String requested) {
        Matcher m = VERSION.matcher(requested);
        if (m.matches()) {
            Integer newest = NEWEST_MINOR.get(Integer.parseInt(m.group(1)));
            if (newest != null && m.group(2) == null) {
                return m.group(1) + "." + newest;
            }
            if (newest != null && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= newest) {
                return requested;
            }
        }
        throw RdsCall.invalidCombination("Cannot find version " + requested + " for " + ENGINE);
    }

    static String defaultEngineVersion() {
        return engineVersion("16");
    }

    static String instanceClass(String instanceClass, String engineVersion) {
        if (!instanceClass.startsWith("db.") || instanceClass.chars().filter(c -> c == '.').count() != 2) {
            throw RdsCall.invalidValue("Invalid DB Instance class: " + instanceClass);
        }
        if (!INSTANCE_CLASSES.contains(instanceClass)) {
            throw RdsCall.invalidCombination("RDS does not support creating a DB instance with the following "
                    + "combination: DBInstanceClass=" + instanceClass + ", Engine=" + ENGINE + ", EngineVersion="
                    + engineVersion + ", LicenseModel=postgresql-license. For supported combinations of instance "
                    + "class and database engine version, see the documentation.");
        }
        return instanceClass;
    }

    /** Lower-cased, 1 to 63 letters, digits and hyphens, starting with a letter, no trailing or double hyphen. */
    static String identifier(String identifier, String parameter) {
        if (identifier.length() > 63 || !IDENTIFIER.matcher(identifier).matches()) {
            throw RdsCall.invalidValue("The parameter " + parameter + " is not a valid identifier. Identifiers must "
                    + "begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end "
                    + "with a hyphen or contain two consecutive hyphens.");
        }
        return identifier;
    }

    static int allocatedStorage(Integer gigabytes) {
        if (gigabytes == null || gigabytes < MIN_STORAGE_GB || gigabytes > MAX_STORAGE_GB) {
            throw RdsCall.invalidValue("Invalid storage size for engine name " + ENGINE + " and storage type gp2: "
                    + (gigabytes == null ? 0 : gigabytes));
        }
        return gigabytes;
    }

    static String masterUsername(String username) {
        if (!USERNAME.matcher(username).matches()) {
            throw RdsCall.invalidValue("The parameter MasterUsername is not a valid identifier. It must be 1 to 63 "
                    + "letters, digits or underscores and begin with a letter.");
        }
        if (username.equalsIgnoreCase("rdsadmin")) {
            throw RdsCall.invalidValue("MasterUsername " + username + " cannot be used as it is a reserved word used "
                    + "by the engine");
        }
        return username;
    }

    /** Printable ASCII except {@code / @ "} and space, 8 to 128 characters; the messages never repeat it. */
    static String masterPassword(String password) {
        if (password.length() < 8 || password.length() > 128) {
            throw RdsCall.invalidValue("The parameter MasterUserPassword is not a valid password because it is "
                    + (password.length() < 8 ? "shorter than 8" : "longer than 128") + " characters.");
        }
        boolean printable = password.chars().allMatch(c -> c > ' ' && c < 127 && c != '/' && c != '@' && c != '"');
        if (!printable) {
            throw RdsCall.invalidValue("The parameter MasterUserPassword is not a valid password. Only printable "
                    + "ASCII characters besides '/', '@', '\"', ' ' may be used.");
        }
        return password;
    }

    static String subnetGroupName(String name) {
        if (!SUBNET_GROUP_NAME.matcher(name).matches() || name.equals("default")) {
            throw RdsCall.invalidValue("The parameter DBSubnetGroupName is not a valid name: '" + name + "'. It must "
                    + "be at most 255 letters, digits, spaces, periods, underscores or hyphens, and not 'default'.");
        }
        return name;
    }
}
