package io.kamplatform.reporting.dashboard;

import io.kamplatform.reporting.api.PortfolioEntry;
import io.kamplatform.reporting.api.PortfolioResource.ManagerPortfolio;
import io.kamplatform.reporting.domain.health.Band;
import io.kamplatform.reporting.domain.portfolio.Alert;
import io.kamplatform.reporting.domain.stage.RelationshipStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Managers page's band and stage filters (null: any). A filter narrows each manager's key accounts, and their
 * alerts, to the matching ones and leaves out managers with none; the band counts stay the manager's whole portfolio,
 * so the share the filter shows stays visible. Matching is the portfolio health API's (band and stage names as the
 * report writes them), plus NO_DATA for accounts without a score.
 */
public record ManagerFilter(String band, String stage) {

    static final String NO_DATA = "NO_DATA";
    /** The bands to choose from, as the band counts name them. */
    static final List<String> BANDS = Stream.concat(Arrays.stream(Band.values()).map(Enum::name), Stream.of(NO_DATA))
            .toList();
    static final List<String> STAGES = Arrays.stream(RelationshipStage.values()).map(Enum::name).toList();

    public List<String> bands() {
        return BANDS;
    }

    public List<String> stages() {
        return STAGES;
    }

    public boolean active() {
        return band != null || stage != null;
    }

    /** Parses the URL's values; a blank one means any, an unknown one is a 400 naming the field. */
    static ManagerFilter parse(String band, String stage) {
        return new ManagerFilter(oneOf("band", band, BANDS), oneOf("stage", stage, STAGES));
    }

    boolean matches(PortfolioEntry entry) {
        return (band == null || band.equals(entry.band() == null ? NO_DATA : entry.band()))
                && (stage == null || stage.equals(entry.stage()));
    }

    /** The managers as the page lists them: everything without a filter, else the matching accounts and alerts. */
    List<ManagerView> apply(List<ManagerPortfolio> managers) {
        List<ManagerView> shown = new ArrayList<>();
        for (ManagerPortfolio m : managers) {
            if (!active()) {
                shown.add(new ManagerView(m, m.accounts(), m.alerts()));
                continue;
            }
            List<PortfolioEntry> accounts = m.accounts().stream().filter(this::matches).toList();
            if (!accounts.isEmpty()) {
                Set<String> ids = accounts.stream().map(PortfolioEntry::accountId).collect(Collectors.toSet());
                List<Alert> alerts = m.alerts().stream().filter(a -> ids.contains(a.accountId())).toList();
                shown.add(new ManagerView(m, accounts, alerts));
            }
        }
        return shown;
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!allowed.contains(v)) {
            throw DashboardPages.invalid(field, "must be one of " + allowed);
        }
        return v;
    }

    /** One manager's portfolio as shown: the whole portfolio's figures, the accounts and alerts the filter keeps. */
    public record ManagerView(ManagerPortfolio portfolio, List<PortfolioEntry> accounts, List<Alert> alerts) {
    }
}
