package io.kamplatform.local.demo;

import io.kamplatform.crmimport.posting.PlannedEvent;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The KAM warning stories the demo portfolio contains, with the account that tells each and where to look. The
 * account ids are the same for every seed.
 */
public final class DemoStories {

    public static final String DEPENDENCY_GROUP = "NORDWIND";
    public static final String DEPENDENCY_ACCOUNT = "NORDWIND-DE";
    public static final String MARGIN_SQUEEZE = "VOLTA-RETAIL";
    public static final String NEGLECTED_POTENTIAL = "BRIGHTWAVE-LABS";
    public static final String SPONSOR_LEFT = "ALPINA-FOODS";
    public static final String HEALTHY_PARTNERSHIP = "HELIX-PHARMA";

    /**
     * One story: its account, what it shows, the report paths (relative to reporting-service) that show it, and the
     * dashboard page that shows it.
     */
    public record Story(String accountId, String title, String whatYouSee, List<String> reportPaths, String dashboardPath) {
    }

    private static final List<Story> STORIES = List.of(
            new Story(DEPENDENCY_GROUP, "Dependence on one customer",
                    "the Nordwind group (NORDWIND-DE, NORDWIND-NL) makes ~14% of trailing-12-month revenue: a major customer above 10%",
                    List.of("/api/reports/portfolio/dependency-risk",
                            "/api/reports/portfolio/dependency-risk/stress-test?leaving=" + DEPENDENCY_ACCOUNT),
                    "/what-if?leaving=" + DEPENDENCY_ACCOUNT),
            new Story(MARGIN_SQUEEZE, "A key account squeezing margins",
                    "discounts deepen at every renewal (10% -> 19% -> 27%), concessions pile up, gross margin falls while its revenue share and service requests rise",
                    List.of("/api/reports/accounts/" + MARGIN_SQUEEZE + "/margin-pressure",
                            "/api/reports/portfolio/margin-pressure?flag=STATUS_ABUSE"),
                    "/margin-pressure"),
            new Story(NEGLECTED_POTENTIAL, "A small account with high potential nobody visits",
                    "assessed potential EUR 2.4M, about 3% penetration, last contact a call months ago",
                    List.of("/api/reports/portfolio/neglected-potential"), "/neglected-potential"),
            new Story(SPONSOR_LEFT, "A key account whose sponsor left",
                    "its only SPONSOR left ~40 days ago, no two-way contact for three months, an open complaint, revenue falling, contract ends soon; "
                            + "its account plan missed two objectives, has an overdue action and was last reviewed 130 days ago",
                    List.of("/api/reports/accounts/" + SPONSOR_LEFT + "/health",
                            "/api/reports/accounts/" + SPONSOR_LEFT + "/dmu",
                            "/api/reports/accounts/" + SPONSOR_LEFT + "/plan", "/accounts/" + SPONSOR_LEFT + "/plan"),
                    "/accounts/" + SPONSOR_LEFT),
            new Story(HEALTHY_PARTNERSHIP, "A healthy, integrated partnership (for contrast)",
                    "every DMU role covered up to the executive level, fortnightly two-way meetings with four supplier functions, a three-year preferred-supplier contract; "
                            + "its account plan is on track (objectives ahead of plan, reviewed a week ago)",
                    List.of("/api/reports/accounts/" + HEALTHY_PARTNERSHIP + "/health",
                            "/api/reports/accounts/" + HEALTHY_PARTNERSHIP + "/stage",
                            "/api/reports/accounts/" + HEALTHY_PARTNERSHIP + "/plan", "/accounts/" + HEALTHY_PARTNERSHIP + "/plan"),
                    "/accounts/" + HEALTHY_PARTNERSHIP));

    private DemoStories() {
    }

    public static List<Story> all() {
        return STORIES;
    }

    /**
     * The facts the CRM recorded late: ALPINA-FOODS's sponsor left ~40 days ago, but nobody told the CRM until now. The
     * launcher posts them after the rest of the demo, so "as known at" the instant between shows the DMU before anyone
     * knew (the bitemporal example of reporting-service's README).
     */
    public static boolean recordedLate(PlannedEvent event) {
        return event.accountId().equals(SPONSOR_LEFT) && event.type().equals("ContactLeft");
    }

    /** The bitemporal example's question: ALPINA-FOODS's DMU as of yesterday, as known at {@code knownBefore}. */
    public static String asKnownAtExample(Instant knownBefore) {
        LocalDate yesterday = LocalDate.ofInstant(knownBefore, ZoneOffset.UTC).minusDays(1);
        return "/api/reports/accounts/" + SPONSOR_LEFT + "/dmu?asOf=" + yesterday + "&asKnownAt=" + knownBefore;
    }

    /** Prints "where to look" for each story, e.g. with {@code http://localhost:8083}. */
    public static void print(PrintStream out, String reportingBaseUrl) {
        print(out, reportingBaseUrl, null);
    }

    /** The same, with the bitemporal example when the late facts were recorded after {@code knownBefore} (else null). */
    public static void print(PrintStream out, String reportingBaseUrl, Instant knownBefore) {
        String base = reportingBaseUrl.endsWith("/") ? reportingBaseUrl.substring(0, reportingBaseUrl.length() - 1)
                : reportingBaseUrl;
        out.println("Demo portfolio: the stories KAM warns about, and where to look (token with role kam-reader):");
        for (Story story : STORIES) {
            out.println("  - " + story.title() + " (" + story.accountId() + "): " + story.whatYouSee());
            out.println("      dashboard: " + base + story.dashboardPath());
            for (String path : story.reportPaths()) {
                out.println("      " + base + path);
            }
        }
        if (knownBefore != null) {
            out.println("  - As known at (bitemporal): " + SPONSOR_LEFT + "'s sponsor left ~40 days ago, but the CRM recorded it"
                    + " only after the rest of the demo (at " + knownBefore + "). As known then the SPONSOR is still in the"
                    + " DMU; drop asKnownAt and the sponsor is under formerContacts:");
            out.println("      " + base + asKnownAtExample(knownBefore));
        }
    }
}
