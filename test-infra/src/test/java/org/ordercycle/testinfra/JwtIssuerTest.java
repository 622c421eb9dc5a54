package org.ordercycle.testinfra;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtIssuerTest {

    @TempDir
    Path dir;

    @Test
    void tokenIsSignedByTheKeptKeyAndCarriesIssuerAudienceExpiryUserAndRoles() throws Exception {
        String token = JwtIssuer.inFolder(dir).token("alice", Duration.ofHours(1), "sales", "crm");

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8);
        assertTrue(claims.contains("\"iss\":\"ordercycle\""), claims);
        assertTrue(claims.contains("\"aud\":\"ordercycle\""), claims);
        assertTrue(claims.matches(".*\"exp\":\\d+.*"), claims);
        assertTrue(claims.contains("\"upn\":\"alice\""), claims);
        assertTrue(claims.contains("\"groups\":[\"sales\",\"crm\"]"), claims);
        assertTrue(verify(parts, JwtIssuer.inFolder(dir).publicKeyFile()), "signature verifies with the kept public key");
    }

    @Test
    void keysAreCreatedOnceAndReused() throws Exception {
        Path publicKey = JwtIssuer.inFolder(dir).publicKeyFile();
        String first = Files.readString(publicKey);

        String token = JwtIssuer.inFolder(dir).token("bob", Duration.ofMinutes(5), "billing");

        assertEquals(first, Files.readString(publicKey));
        assertTrue(verify(token.split("\\."), publicKey));
        assertFalse(verify(JwtIssuer.inFolder(dir.resolve("other")).token("bob", Duration.ofMinutes(5)).split("\\."), publicKey),
                "a token of another key pair does not verify");
    }

    private static boolean verify(String[] parts, Path publicKeyFile) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(publicKeyFile).replaceAll("-----[A-Z ]+-----", "").strip());
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(UTF_8));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
