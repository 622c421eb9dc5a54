package org.ordercycle.kit.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of smallrye-jwt's parser, which Quarkus' bearer-token validator
 * ({@code MpJwtValidator}) calls with every request's token: {@link #parse(String)} — the configured verification — is
 * served from the cache; every other method (other keys, other contexts) is not decorated — the class is abstract,
 * so CDI sends those calls to the parser itself. Expiry is judged by the system clock, the one the parser judges it
 * by, not by the service's injected {@code Clock} (tests move that one).
 */
@Decorator
@Priority(10)
public abstract class CachingJwtParser implements JWTParser {

    private final JWTParser parser;
    private final VerifiedTokens tokens;

    @Inject
    CachingJwtParser(@Delegate JWTParser parser, TokenCacheConfig config, MeterRegistry metrics) {
        this.parser = parser;
        this.tokens = config.enabled() ? new VerifiedTokens(config.maxSize(), config.maxAge(), Clock.systemUTC()) : null;
        if (tokens != null) {
            register(tokens, metrics);
        }
    }

    /** Whether the cache earns its keep: requests it answered, verifications it still asked for, tokens it holds. */
    private static void register(VerifiedTokens tokens, MeterRegistry metrics) {
        FunctionCounter.builder("ordercycle.security.token.cache.hits", tokens, VerifiedTokens::hits)
                .description("Bearer tokens answered from the cache of verified tokens")
                .register(metrics);
        FunctionCounter.builder("ordercycle.security.token.verifications", tokens, VerifiedTokens::verifications)
                .description("Bearer tokens verified (signature and claims) because the cache did not hold them")
                .register(metrics);
        Gauge.builder("ordercycle.security.token.cache.size", tokens, VerifiedTokens::size)
                .description("Verified bearer tokens the cache holds")
                .register(metrics);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens == null ? parser.parse(token) : tokens.parse(token, parser::parse);
    }
}
