package org.ordercycle.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of verified bearer tokens ({@link VerifiedTokens}); see the kit's README, "Verified-token cache". */
@ConfigMapping(prefix = "ordercycle.kit.security.token-cache")
public interface TokenCacheConfig {

    /** Off: every request's token is verified (signature, claims) again, as smallrye-jwt does by itself. */
    @WithDefault("true")
    boolean enabled();

    /**
     * At most this many verified tokens are kept (a few KB each: the token and its parsed claims); a full cache drops
     * its expired entries, then all of them.
     */
    @WithDefault("1000")
    int maxSize();

    /**
     * A verified token is reused for at most this long (and never past its {@code exp}), then verified again: bounds
     * how long a token signed with a key that has since been withdrawn is still accepted.
     */
    @WithDefault("5m")
    Duration maxAge();
}
