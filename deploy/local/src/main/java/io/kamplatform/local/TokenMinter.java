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

    private final PrivateKey signingKey;

    public TokenMinter(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** A compact JWS for {@code user} with {@code roles} as groups, valid for {@code lifetime} from now. */
    public String mint(String user, Duration lifetime, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(user);
        claims.setClaim("upn", user);
        claims.setStringListClaim("groups", List.of(roles));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
        claims.setJwtId(UUID.randomUUID().toString());

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
