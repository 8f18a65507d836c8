package io.kamplatform.local;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signs RS256 JWTs in the MicroProfile JWT shape the services verify: {@code iss}, {@code upn}/{@code sub},
 * {@code groups} (the roles), {@code iat}, {@code exp}, {@code jti}.
 */
public final class TokenMinter {

    /** Issuer of local tokens; services set {@code mp.jwt.verify.issuer} to it. */
    public static final String ISSUER = "https://kam-platform.local";

    /** Audience of dashboard sign-in tickets (reporting-service's SignInTickets). */
    public static final String SIGN_IN_AUDIENCE = "kam-dashboard-sign-in";
    /** How long a printed dashboard sign-in link works. */
    public static final Duration SIGN_IN_LIFETIME = Duration.ofMinutes(15);

    private final PrivateKey signingKey;

    public TokenMinter(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** A compact JWS for {@code user} with {@code roles} as groups, valid for {@code lifetime} from now. */
    public String mint(String user, Duration lifetime, String... roles) {
        JwtClaims claims = claims(user, lifetime);
        claims.setStringListClaim("groups", List.of(roles));
        return sign(claims);
    }

    /**
     * A one-use dashboard sign-in ticket: audience {@value #SIGN_IN_AUDIENCE}, the roles in {@code dashboard_roles}
     * (not {@code groups}), so that the ticket is no bearer token for the APIs.
     */
    public String mintSignInTicket(String user, Duration lifetime, String... roles) {
        JwtClaims claims = claims(user, lifetime);
        claims.setAudience(SIGN_IN_AUDIENCE);
        claims.setStringListClaim("dashboard_roles", List.of(roles));
        return sign(claims);
    }

    private static JwtClaims claims(String user, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign JWT", e);
        }
    }
}
