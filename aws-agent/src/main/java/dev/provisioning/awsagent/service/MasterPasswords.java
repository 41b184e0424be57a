package dev.provisioning.awsagent.service;

import java.security.SecureRandom;

/**
 * Master passwords for new database instances: 32 random letters and digits (about 190 bits), which every engine
 * accepts (RDS refuses {@code / @ "} and spaces). A password exists only in the create request: it is never logged,
 * never put into an event, and not stored by the agent.
 */
final class MasterPasswords {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MasterPasswords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
