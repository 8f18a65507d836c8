package io.kamplatform.reporting.dashboard.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How users sign in to the dashboard ({@code kam.dashboard.*}; README "Dashboard"). */
@ConfigMapping(prefix = "kam.dashboard")
public interface DashboardConfig {

    /** {@code kam-session} (the local sign-in link and session cookie) or {@code code} (OpenID Connect code flow). */
    @WithDefault("kam-session")
    String authMechanism();

    LocalSignIn localSignIn();

    Ticket ticket();

    Session session();

    interface LocalSignIn {
        /** Off in Kubernetes: /sign-in/local then answers 404. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Ticket {
        /** The longest lifetime (exp - iat) a sign-in ticket may have; longer ones are refused. */
        @WithDefault("15m")
        Duration maxLifetime();
    }

    interface Session {
        /** HMAC secret of the session cookie, at least 32 characters; absent: a random one per process. */
        Optional<String> secret();

        @WithDefault("8h")
        Duration lifetime();

        /** Adds {@code Secure} to the cookie (behind https). */
        @WithDefault("false")
        boolean cookieSecure();
    }
}
