package org.ordercycle.testinfra;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Signs OrderCycle bearer tokens (RS256, issuer and audience {@code ordercycle}, an expiry, roles in {@code groups})
 * with a key pair kept in a folder: created on first use, reused after. Services verify the tokens with
 * {@link #publicKeyFile()}. Used by tests and by the local launcher; production tokens come from the company's identity
 * provider.
 */
public final class JwtIssuer {

    public static final String ISSUER = "ordercycle";
    /** Services accept only tokens meant for them ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "ordercycle";
    private static final String PRIVATE_KEY = "jwt-private.pem";
    private static final String PUBLIC_KEY = "jwt-public.pem";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private JwtIssuer(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** The key pair in {@code dir}, created there (private key readable by the owner only) if absent. */
    public static JwtIssuer inFolder(Path dir) {
        synchronized (JvmWide.lock("jwt-" + dir.toAbsolutePath())) {
            try {
                Files.createDirectories(dir);
                Path privateFile = dir.resolve(PRIVATE_KEY);
                Path publicFile = dir.resolve(PUBLIC_KEY);
                if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    KeyPair pair = generator.generateKeyPair();
                    Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                    Path temporary = dir.resolve(PRIVATE_KEY + ".tmp");
                    Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                    restrictToOwner(temporary);
                    Files.move(temporary, privateFile, StandardCopyOption.ATOMIC_MOVE);
                }
                byte[] encoded = Base64.getMimeDecoder().decode(Files.readString(privateFile)
                        .replaceAll("-----[A-Z ]+-----", "").strip());
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
                return new JwtIssuer(key, publicFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the token signing keys in " + dir, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the token signing key in " + dir, e);
            }
        }
    }

    /** The PEM file services verify tokens with ({@code mp.jwt.verify.publickey.location}). */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A token for {@code user} with the given roles, valid for {@code lifetime}. */
    public String token(String user, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        String groups = Stream.of(roles).map(JwtIssuer::quoted).collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":%s,\"aud\":%s,\"sub\":%s,\"upn\":%s,\"groups\":%s,\"iat\":%d,\"exp\":%d,\"jti\":%s}";
        return sign(claims.formatted(quoted(ISSUER), quoted(AUDIENCE), quoted(user), quoted(user), groups,
                now.getEpochSecond(), now.plus(lifetime).getEpochSecond(), quoted(UUID.randomUUID().toString())));
    }

    /**
     * A token with exactly these claims (a JSON object), signed with this key: for tests that a service refuses a
     * well-signed token that lacks something, e.g. its audience or expiry.
     */
    public String sign(String claimsJson) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = base64Url(header.getBytes(UTF_8)) + "." + base64Url(claimsJson.getBytes(UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(UTF_8));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String quoted(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u%04x".formatted((int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL decides.
        }
    }
}
