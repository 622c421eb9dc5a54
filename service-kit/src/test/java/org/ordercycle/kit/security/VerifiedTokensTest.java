package org.ordercycle.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordercycle.testinfra.JwtIssuer;
import org.ordercycle.testinfra.TestInfra;

/** The verified-token cache in front of smallrye-jwt's real parser, with the test issuer's real tokens. No Quarkus. */
class VerifiedTokensTest {

    private static final JwtIssuer ISSUER = TestInfra.jwt();

    /** smallrye-jwt's parser as the services configure it (issuer, audience, public key), without clock skew. */
    private final DefaultJWTParser parser = new DefaultJWTParser(context());
    /** Counts how often the real parser is asked. */
    private final AtomicInteger verified = new AtomicInteger();
    private final VerifiedTokens.Verifier counting = token -> {
        verified.incrementAndGet();
        return parser.parse(token);
    };

    @Test
    void aValidTokenIsVerifiedOnceThenServedFromTheCache() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), Clock.systemUTC());
        String token = ISSUER.token("alice", Duration.ofHours(1), "sales");

        JsonWebToken first = tokens.parse(token, counting);
        JsonWebToken second = tokens.parse(token, counting);
        JsonWebToken third = tokens.parse(token, counting);

        assertThat(verified).hasValue(1);
        assertThat(second).isSameAs(first).isSameAs(third);
        assertThat(second.getName()).isEqualTo("alice");
        assertThat(second.getGroups()).containsExactly("sales");
        assertThat(tokens.hits()).isEqualTo(2);
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTimeAndNeverCached() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), Clock.systemUTC());
        String valid = ISSUER.token("mallory", Duration.ofHours(1), "admin");
        String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> tokens.parse(tampered, counting)).isInstanceOf(ParseException.class);
        }

        assertThat(verified).hasValue(3);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedAndNeverCached(@TempDir Path otherKeys) {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), Clock.systemUTC());
        String forged = JwtIssuer.inFolder(otherKeys).token("mallory", Duration.ofHours(1), "admin");

        assertThatThrownBy(() -> tokens.parse(forged, counting)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(forged, counting)).isInstanceOf(ParseException.class);

        assertThat(verified).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anExpiredTokenIsRefusedEvenAfterItWasCached() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), Clock.systemUTC());
        String shortLived = ISSUER.token("alice", Duration.ofSeconds(2), "sales");
        long expiresMillis = parser.parseOnly(shortLived).getExpirationTime() * 1000;

        tokens.parse(shortLived, counting);
        tokens.parse(shortLived, counting);
        assertThat(verified).hasValue(1);
        assertThat(tokens.size()).isOne();

        Thread.sleep(Math.max(0, expiresMillis + 1100 - System.currentTimeMillis()));

        assertThatThrownBy(() -> tokens.parse(shortLived, counting)).isInstanceOf(ParseException.class);
        assertThat(verified).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aCachedTokenIsVerifiedAgainAfterTheMaximumAge() throws ParseException {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        String token = ISSUER.token("alice", Duration.ofHours(1), "sales");

        tokens.parse(token, counting);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        tokens.parse(token, counting);
        assertThat(verified).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        tokens.parse(token, counting);
        assertThat(verified).hasValue(2);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsSize() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(3, Duration.ofMinutes(5), Clock.systemUTC());

        for (int user = 0; user < 10; user++) {
            tokens.parse(ISSUER.token("user-" + user, Duration.ofHours(1), "sales"), counting);
            assertThat(tokens.size()).isLessThanOrEqualTo(3);
        }
        assertThat(verified).hasValue(10);
    }

    private static JWTAuthContextInfo context() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(ISSUER.publicKeyFile().toUri().toString(), JwtIssuer.ISSUER);
        context.setExpectedAudience(Set.of(JwtIssuer.AUDIENCE));
        context.setClockSkew(0);
        return context;
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
