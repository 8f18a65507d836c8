package io.kamplatform.reporting.dashboard.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The dashboard session: an HS256 JWT in the HttpOnly cookie {@value #NAME}, audience {@value #AUDIENCE}, signed with
 * the session secret. Stateless, so a service the supervisor restarts keeps its sessions when the secret is configured.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String NAME = "kam-session";
    static final String AUDIENCE = "kam-dashboard-session";
    private static final Logger LOG = Logger.getLogger(SessionCookies.class);

    private final JWTParser parser;
    private final DashboardConfig config;
    private final String issuer;
    private final SecretKey key;

    public SessionCookies(JWTParser parser, DashboardConfig config,
                          @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.parser = parser;
        this.config = config;
        this.issuer = issuer;
        this.key = new SecretKeySpec(secret(config), "HmacSHA256");
    }

    /** A session for {@code user} with {@code roles}, as the cookie's value. */
    public String issue(String user, List<String> roles) {
        return Jwt.issuer(issuer).upn(user).subject(user).groups(new HashSet<>(roles)).audience(AUDIENCE)
                .expiresIn(config.session().lifetime()).signWithSecret(new String(key.getEncoded(), StandardCharsets.UTF_8));
    }

    /** The session's token when the cookie is ours, unexpired and meant for the dashboard. */
    public Optional<JsonWebToken> verify(String cookie) {
        if (cookie == null || cookie.length() > 8192) {
            return Optional.empty();
        }
        try {
            JsonWebToken token = parser.verify(cookie, key);
            return token.getAudience() != null && token.getAudience().contains(AUDIENCE) ? Optional.of(token) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The Set-Cookie value for a session. */
    public String setCookie(String session) {
        return NAME + "=" + session + "; Path=/; Max-Age=" + config.session().lifetime().toSeconds()
                + "; HttpOnly; SameSite=Lax" + (config.session().cookieSecure() ? "; Secure" : "");
    }

    /** The Set-Cookie value that ends the session. */
    public String clearCookie() {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (config.session().cookieSecure() ? "; Secure" : "");
    }

    private static byte[] secret(DashboardConfig config) {
        Optional<String> configured = config.session().secret().filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            if (configured.get().length() < 32) {
                throw new IllegalStateException("kam.dashboard.session.secret must have at least 32 characters");
            }
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        LOG.warn("kam.dashboard.session.secret (KAM_DASHBOARD_SESSION_SECRET) is not set: dashboard sessions end with this process");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.UTF_8);
    }
}
