package io.kamplatform.reporting.dashboard.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * One-use sign-in tickets the local launcher prints as a link: an RS256 JWT signed with the platform key (the same key
 * and issuer as the bearer tokens), audience {@value #AUDIENCE}, short-lived, its roles in {@value #ROLES_CLAIM}
 * rather than {@code groups} so that a ticket used as a bearer token on /api carries no role (403).
 */
@ApplicationScoped
public class SignInTickets {

    public static final String AUDIENCE = "kam-dashboard-sign-in";
    public static final String ROLES_CLAIM = "dashboard_roles";

    /** Who a valid ticket signs in. */
    public record Holder(String user, List<String> roles) {
    }

    private final JWTParser parser;
    private final DashboardConfig config;
    private final Clock clock;
    // jti -> exp of tickets used; a used ticket is refused until it expires anyway (then pruned).
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    public SignInTickets(JWTParser parser, DashboardConfig config, Clock clock) {
        this.parser = parser;
        this.config = config;
        this.clock = clock;
    }

    /** The ticket's holder, once: empty when it is forged, expired, meant for something else, too long-lived or used. */
    public Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 4096) {
            return Optional.empty();
        }
        JsonWebToken token;
        try {
            token = parser.parse(ticket);
        } catch (ParseException e) {
            return Optional.empty();
        }
        if (token.getAudience() == null || !token.getAudience().contains(AUDIENCE) || token.getTokenID() == null
                || token.getName() == null
                || token.getExpirationTime() - token.getIssuedAtTime() > config.ticket().maxLifetime().toSeconds()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        used.values().removeIf(expiry -> expiry.isBefore(now));
        if (used.putIfAbsent(token.getTokenID(), Instant.ofEpochSecond(token.getExpirationTime())) != null) {
            return Optional.empty();
        }
        return Optional.of(new Holder(token.getName(), roles(token.getClaim(ROLES_CLAIM))));
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        return List.of();
    }
}
