package org.ordercycle.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.ordercycle.testinfra.OrderCycleTestResource;
import org.ordercycle.testinfra.TestInfra;

/** The parser Quarkus' bearer-token validator uses is the caching one in every service (the kit's test app here). */
@QuarkusTest
@WithTestResource(OrderCycleTestResource.class)
@Order(1)
class TokenCacheWiringTest {

    @Inject
    JWTParser parser;

    @Inject
    MeterRegistry metrics;

    @Test
    void theServicesTokenParserServesAVerifiedTokenFromTheCache() throws ParseException {
        String token = TestInfra.jwt().token("alice", Duration.ofHours(1), "sales");
        double hitsBefore = counted("ordercycle.security.token.cache.hits");
        double verificationsBefore = counted("ordercycle.security.token.verifications");

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertThat(second).isSameAs(first);
        assertThat(second.getName()).isEqualTo("alice");
        assertThat(counted("ordercycle.security.token.verifications") - verificationsBefore).isEqualTo(1);
        assertThat(counted("ordercycle.security.token.cache.hits") - hitsBefore).isEqualTo(1);
        // the methods the decorator leaves alone still reach the parser
        assertThat(parser.parseOnly(token).getName()).isEqualTo("alice");
    }

    private double counted(String name) {
        return metrics.get(name).functionCounter().count();
    }

    @Test
    void theServicesTokenParserStillRefusesATamperedToken() {
        String valid = TestInfra.jwt().token("mallory", Duration.ofHours(1), "admin");
        String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
    }
}
