package io.kamplatform.reporting.dashboard.security;

import io.kamplatform.reporting.dashboard.DashboardErrors;
import io.kamplatform.reporting.dashboard.Templates;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Signing in and out of the dashboard locally: the launcher's one-use link is exchanged for the session cookie and
 * a redirect to the portfolio, so no ticket stays in the address bar or history and nothing goes to local storage.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final SignInTickets tickets;
    private final SessionCookies sessions;
    private final DashboardConfig config;

    public SignInResource(SignInTickets tickets, SessionCookies sessions, DashboardConfig config) {
        this.tickets = tickets;
        this.sessions = sessions;
        this.config = config;
    }

    /** Where a page sends a visitor without a session: how to get in. */
    @GET
    @Path("sign-in")
    @PermitAll
    public TemplateInstance signIn() {
        return Templates.signIn(null, localSignIn());
    }

    @GET
    @Path("sign-in/local")
    @PermitAll
    public Response exchange(@QueryParam("ticket") String ticket) {
        if (!localSignIn()) {
            return DashboardErrors.page(404, "Not found", "Local sign-in links are switched off here; sign in through your identity provider.");
        }
        return tickets.redeem(ticket)
                .map(holder -> Response.seeOther(URI.create("/"))
                        .header(HttpHeaders.SET_COOKIE, sessions.setCookie(sessions.issue(holder.user(), holder.roles())))
                        .header("Referrer-Policy", "no-referrer").build())
                .orElseGet(() -> Response.status(401).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.signIn("This sign-in link is invalid, expired or already used.", true).render())
                        .build());
    }

    /** Ends the session; only from a form on our own pages (the Origin must be ours). */
    @POST
    @Path("sign-out")
    @PermitAll
    public Response signOut(@HeaderParam("Origin") String origin, @Context UriInfo uri) {
        String ours = uri.getBaseUri().getScheme() + "://" + uri.getBaseUri().getAuthority();
        if (origin == null || !origin.equals(ours)) {
            return DashboardErrors.page(403, "Not allowed", "Sign out from the dashboard's own button.");
        }
        return Response.seeOther(URI.create("/sign-in")).header(HttpHeaders.SET_COOKIE, sessions.clearCookie())
                .header("Clear-Site-Data", "\"cookies\"").build();
    }

    private boolean localSignIn() {
        return config.localSignIn().enabled() && !"code".equals(config.authMechanism());
    }
}
