package org.ordercycle.testinfra;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** A PostgreSQL login role and its password. */
public record Login(String user, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Login {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** {@code user} with a new random password. */
    public static Login withRandomPassword(String user) {
        return new Login(user, randomPassword());
    }

    /** 24 random bytes, URL-safe base64: no quoting needed anywhere. */
    static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "Login[" + user + "]";
    }
}
