package io.kamplatform.local;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** What the launcher prints once everything is up: where things are and how to call them. */
final class Banner {

    private Banner() {
    }

    static void print(PrintStream out, List<ServiceProcess> services, String kafka, PostgresServer postgres,
            Map<String, String> tokensByRole, String tokensFile, String runStateFile, String dashboardLink) {
        String rule = "=".repeat(78);
        out.println();
        out.println(rule);
        out.println(" KAM Platform is running locally. Ctrl-C stops everything.");
        out.println(rule);
        if (dashboardLink != null) {
            out.println(" Dashboard (opens signed in; the link works once, for 15 minutes; a new one: ./deploy/local/dashboard-link):");
            out.println("   " + dashboardLink);
            out.println();
        }
        for (ServiceProcess s : services) {
            out.printf(" %-21s %s%n", s.name(), s.url());
            out.printf("   Swagger UI          %s/q/swagger-ui%n", s.url());
            out.printf("   OpenAPI             %s/q/openapi%n", s.url());
            out.printf("   Health              %s/q/health%n", s.url());
            out.printf("   Log                 %s%n", s.log());
        }
        out.println();
        out.printf(" Kafka bootstrap       %s%n", kafka);
        out.printf(" PostgreSQL            user %s, no password%n", postgres.username());
        for (PlatformService s : PlatformService.ALL) {
            out.printf("   %-19s %s%n", s.database(), postgres.jdbcUrl(s.database()));
        }
        out.println();
        out.println(" A process that exits is restarted. Pids (for tools): " + runStateFile);
        out.println();
        out.println(" Bearer tokens (valid 12 hours; also in " + tokensFile + "):");
        tokensByRole.forEach((role, token) -> out.println("   export " + tokenVariable(role) + "=" + token));
        out.println();
        out.println(" Try it:");
        out.println(curlExample(services.isEmpty() ? "http://localhost:8081" : services.get(0).url()));
        out.println(rule);
        out.flush();
    }

    /** Shell variable holding a role's token, e.g. {@code KAM_TOKEN_CRM_WRITER}. */
    static String tokenVariable(String role) {
        return "KAM_TOKEN_" + role.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** A ready-to-paste first write. Keep in step with account-service's API. */
    static String curlExample(String accountServiceUrl) {
        return "   curl -i -X POST " + accountServiceUrl + "/api/accounts/ACME/events \\\n"
                + "     -H \"Authorization: Bearer $" + tokenVariable(Roles.CRM_WRITER) + "\" \\\n"
                + "     -H 'Content-Type: application/json' \\\n"
                + "     -d '{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"AccountRegistered\","
                + "\"occurredAt\":\"2026-01-05T09:00:00Z\","
                + "\"data\":{\"name\":\"Acme\",\"sector\":\"Manufacturing\",\"country\":\"DE\"}}'";
    }
}
