package io.kamplatform.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kamplatform.local.TokenMinter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Tokens signed by a real key and verified by SmallRye JWT's own parser, counted as it is called. */
class VerifiedTokensTest {

    private static final KeyPair KEYS = keys();
    private static final TokenMinter MINTER = new TokenMinter(KEYS.getPrivate());

    private final AtomicInteger verifications = new AtomicInteger();
    private final DefaultJWTParser smallRye = new DefaultJWTParser(
            new JWTAuthContextInfo((RSAPublicKey) KEYS.getPublic(), TokenMinter.ISSUER)) {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    };
    private final MovingClock clock = new MovingClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private VerifiedTokens tokens(int maxEntries, Duration maxAge) {
        return new VerifiedTokens(smallRye, clock, maxEntries, maxAge, registry);
    }

    @Test
    void aTokenIsVerifiedOnceThenRecognised() throws ParseException {
        VerifiedTokens tokens = tokens(1000, Duration.ofSeconds(60));
        String token = MINTER.mint("anna", Duration.ofHours(1), "kam-reader");

        JsonWebToken first = tokens.parse(token);
        JsonWebToken again = tokens.parse(token);

        assertThat(verifications).hasValue(1);
        assertThat(again.getName()).isEqualTo("anna").isEqualTo(first.getName());
        assertThat(again.getGroups()).containsExactly("kam-reader");
        assertThat(registry.counter("kam.security.verified_tokens", "outcome", "recognised").count()).isEqualTo(1);
        assertThat(registry.counter("kam.security.verified_tokens", "outcome", "verified").count()).isEqualTo(1);
    }

    @Test
    void aTokenChangedByOneCharacterIsVerifiedAndRefused() throws ParseException {
        VerifiedTokens tokens = tokens(1000, Duration.ofSeconds(60));
        String token = MINTER.mint("anna", Duration.ofHours(1), "kam-reader");
        tokens.parse(token);

        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = tokens(1000, Duration.ofSeconds(60));
        String expired = MINTER.mint("anna", Duration.ofSeconds(-3600), "kam-reader");

        assertThatThrownBy(() -> tokens.parse(expired)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(expired)).isInstanceOf(ParseException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainAfterMaxAge() throws ParseException {
        VerifiedTokens tokens = tokens(1000, Duration.ofSeconds(60));
        String token = MINTER.mint("anna", Duration.ofHours(1), "kam-reader");
        tokens.parse(token);

        clock.advance(Duration.ofSeconds(59));
        tokens.parse(token);
        assertThat(verifications).as("within max-age").hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        tokens.parse(token);
        assertThat(verifications).as("at max-age").hasValue(2);
    }

    @Test
    void aTokenIsNeverRecognisedPastItsExpiry() throws ParseException {
        VerifiedTokens tokens = tokens(1000, Duration.ofMinutes(10));
        String token = MINTER.mint("anna", Duration.ofSeconds(30), "kam-reader");
        tokens.parse(token);
        Instant expiry = Instant.ofEpochSecond(tokens.parse(token).getExpirationTime());
        assertThat(verifications).hasValue(1);

        clock.set(expiry);
        tokens.parse(token); // this clock is ours: SmallRye's still finds the token valid, but it is asked again
        assertThat(verifications).hasValue(2);
    }

    @Test
    void whenFullExpiredTokensMakeRoomAndOthersAreVerifiedEachTime() throws ParseException {
        VerifiedTokens tokens = tokens(2, Duration.ofSeconds(60));
        String anna = MINTER.mint("anna", Duration.ofHours(1), "kam-reader");
        String ben = MINTER.mint("ben", Duration.ofHours(1), "kam-reader");
        String cleo = MINTER.mint("cleo", Duration.ofHours(1), "kam-reader");
        tokens.parse(anna);
        tokens.parse(ben);

        tokens.parse(cleo);
        tokens.parse(cleo);
        assertThat(verifications).as("full: cleo is verified each time").hasValue(4);
        tokens.parse(anna);
        assertThat(verifications).as("anna still recognised").hasValue(4);

        clock.advance(Duration.ofSeconds(61));
        tokens.parse(cleo);
        tokens.parse(cleo);
        assertThat(verifications).as("the expired entries made room for cleo").hasValue(5);
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEachTime() throws ParseException {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("anna");
        DefaultJWTParser acceptingWithoutExpiry = new DefaultJWTParser() {
            @Override
            public JsonWebToken parse(String token) {
                verifications.incrementAndGet();
                return new DefaultJWTCallerPrincipal(claims);
            }
        };
        VerifiedTokens tokens = new VerifiedTokens(acceptingWithoutExpiry, clock, 1000, Duration.ofSeconds(60), registry);
        tokens.parse("a-token-without-exp");
        tokens.parse("a-token-without-exp");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void noEntriesMeansEveryRequestIsVerified() throws ParseException {
        VerifiedTokens tokens = tokens(0, Duration.ofSeconds(60));
        String token = MINTER.mint("anna", Duration.ofHours(1), "kam-reader");
        tokens.parse(token);
        tokens.parse(token);
        assertThat(verifications).hasValue(2);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
