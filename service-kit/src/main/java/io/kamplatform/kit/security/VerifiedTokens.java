package io.kamplatform.kit.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified once and then recognised: SmallRye JWT's parser (what its identity provider calls on every
 * request) with the tokens it accepted remembered for {@code kam.security.verified-tokens.max-age} (60 s), never past
 * their {@code exp}. An integration or a dashboard sends the same token with every request, and verifying it
 * (decoding, parsing its JSON, checking the RSA signature: 45–50 µs of CPU) was 23% of reporting-service's sampled Java
 * time for account health reports (JFR).
 * <p>
 * A token is recognised only by its whole text, so a token changed by one character is verified again and refused as
 * before; a refused token is never remembered. The security identity is still built per request from the remembered
 * claims, and the augmentors (e.g. {@link FutureIssuedTokens}) still run on it. At most
 * {@code kam.security.verified-tokens.max-entries} (1,000; 0 turns remembering off) tokens of at most 8 KiB are kept;
 * when full, expired ones are dropped and a new token is verified without being kept. Counted by outcome in
 * {@code kam.security.verified_tokens} ({@code recognised}, {@code verified}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int LONGEST_TOKEN_KEPT = 8 * 1024;

    private record Verified(JsonWebToken claims, long notAfterMillis) {
    }

    private final JWTParser verifier;
    private final Clock clock;
    private final int maxEntries;
    private final long maxAgeMillis;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Counter recognisedCount;
    private final Counter verifiedCount;

    @Inject
    public VerifiedTokens(DefaultJWTParser verifier, MeterRegistry registry,
                          @ConfigProperty(name = "kam.security.verified-tokens.max-entries", defaultValue = "1000") int maxEntries,
                          @ConfigProperty(name = "kam.security.verified-tokens.max-age", defaultValue = "60s") Duration maxAge) {
        this(verifier, Clock.systemUTC(), maxEntries, maxAge, registry);
    }

    VerifiedTokens(JWTParser verifier, Clock clock, int maxEntries, Duration maxAge, MeterRegistry registry) {
        if (maxEntries < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("kam.security.verified-tokens.max-entries and max-age must not be negative");
        }
        this.verifier = verifier;
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAge.toMillis();
        this.recognisedCount = registry.counter("kam.security.verified_tokens", "outcome", "recognised");
        this.verifiedCount = registry.counter("kam.security.verified_tokens", "outcome", "verified");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.notAfterMillis()) {
                recognisedCount.increment();
                return known.claims();
            }
            verified.remove(token, known);
        }
        JsonWebToken claims = verifier.parse(token); // throws for a token it refuses: nothing is kept
        verifiedCount.increment();
        remember(token, claims, now);
        return claims;
    }

    private void remember(String token, JsonWebToken claims, long now) {
        // SmallRye requires exp; a token accepted without one (a changed setting) is verified every time
        if (maxEntries == 0 || token.length() > LONGEST_TOKEN_KEPT
                || !(claims.getClaim(Claims.exp.name()) instanceof Number expires)) {
            return;
        }
        long notAfter = Math.min(now + maxAgeMillis, expires.longValue() * 1000);
        if (notAfter <= now) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> v.notAfterMillis() <= now);
            if (verified.size() >= maxEntries) {
                return;
            }
        }
        verified.put(token, new Verified(claims, notAfter));
    }

    // The other ways in verify with keys or settings the caller passes: nothing to remember.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
