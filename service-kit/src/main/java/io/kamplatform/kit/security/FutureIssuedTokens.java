package io.kamplatform.kit.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token whose {@code iat} lies in the future by more than the verifier's clock skew
 * ({@code mp.jwt.verify.clock.skew}, seconds). SmallRye JWT checks {@code exp}, and {@code iat} against the token's
 * age and lifetime, but not against now: a token "issued" tomorrow was minted by a broken or forged clock and would
 * outlive every rotation that assumes tokens are issued now.
 */
@ApplicationScoped
public class FutureIssuedTokens implements SecurityIdentityAugmentor {

    public static final String DETAIL = "the token was issued in the future (iat after now plus the allowed clock skew)";

    private final long skewSeconds;
    private final Clock clock;

    @Inject
    public FutureIssuedTokens(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this(skewSeconds, Clock.systemUTC());
    }

    FutureIssuedTokens(long skewSeconds, Clock clock) {
        this.skewSeconds = skewSeconds;
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && issuedInTheFuture(token.getIssuedAtTime())) {
            return Uni.createFrom().failure(new AuthenticationFailedException(DETAIL));
        }
        return Uni.createFrom().item(identity);
    }

    boolean issuedInTheFuture(long issuedAtSeconds) {
        return issuedAtSeconds > clock.instant().getEpochSecond() + skewSeconds;
    }
}
