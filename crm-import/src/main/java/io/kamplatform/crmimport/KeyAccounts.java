package io.kamplatform.crmimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.PlannedEvent.Service;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The key-account rules of the mapping, applied once accounts and deals are read: an account is designated
 * ({@code KeyAccountDesignated}, its rationale naming every rule that picked it) when it is among the top
 * {@code keyAccounts.topByRevenue} by won-deal revenue in the trailing months, when the CRM marks it in the
 * {@code accounts.columns.keyAccount} column, or when {@code keyAccounts.accounts} lists it. Each key account then
 * gets its key account manager ({@code KeyAccountManagerAssigned}: the account's owner, else the agent who won the
 * most with it) and its team ({@code AccountTeamMemberJoined}: the manager's sales manager, optionally the other
 * agents who won deals with it). Nothing here depends on today's date, so a re-run plans the same events.
 */
final class KeyAccounts {

    private static final String KIND = ImportMapping.KEY_ACCOUNTS;
    private static final List<String> MARKED = List.of("yes", "y", "true", "1", "x", "key", "key account", "strategic");

    private final ImportContext context;
    private final ImportMapping mapping;
    private final SalesTeams teams;

    KeyAccounts(ImportContext context, SalesTeams teams) {
        this.context = context;
        this.mapping = context.mapping;
        this.teams = teams;
    }

    /** True when the mapping has any key-account rule. */
    boolean configured() {
        return !mapping.sections().getOrDefault(KIND, com.fasterxml.jackson.databind.node.MissingNode.getInstance())
                .isMissingNode() || context.col(ImportMapping.ACCOUNTS, "keyAccount") != null;
    }

    void plan(String accountsFile, Accounts accounts, WonDeals won, ImportReport report, EventSink sink) {
        if (!configured()) {
            return;
        }
        report.keyAccountRules = true;
        LocalDate asOf = asOf(won, report);
        YearMonth last = asOf == null ? null : YearMonth.from(asOf);
        int months = Integer.parseInt(mapping.setting(KIND, "trailingMonths", "12"));
        YearMonth first = last == null ? null : last.minusMonths(months - 1L);
        Map<String, List<String>> rationale = new LinkedHashMap<>();
        int top = Integer.parseInt(mapping.setting(KIND, "topByRevenue", "0"));
        if (top > 0 && last != null) {
            List<Accounts.Entry> ranked = accounts.entries().stream()
                    .filter(a -> won.revenue(a.id(), first, last).signum() > 0)
                    .sorted(Comparator.comparing((Accounts.Entry a) -> won.revenue(a.id(), first, last)).reversed()
                            .thenComparingInt(Accounts.Entry::line))
                    .limit(top).toList();
            for (int rank = 1; rank <= ranked.size(); rank++) {
                String id = ranked.get(rank - 1).id();
                rationale.computeIfAbsent(id, a -> new ArrayList<>()).add("Top " + top + " accounts by won-deal revenue"
                        + " in the " + months + " months " + first + " to " + last + " (rank " + rank + ": "
                        + won.revenue(id, first, last).setScale(2, RoundingMode.HALF_UP).toPlainString() + " "
                        + mapping.currency() + ")");
                report.keyAccountsByRevenue++;
            }
        }
        String column = context.col(ImportMapping.ACCOUNTS, "keyAccount");
        if (column != null) {
            Set<String> marked = mapping.settings(KIND, "markedBy", MARKED).stream().map(CsvReader::key)
                    .collect(Collectors.toSet());
            for (Accounts.Entry account : accounts.entries()) {
                if (marked.contains(CsvReader.key(account.keyAccount()))) {
                    rationale.computeIfAbsent(account.id(), a -> new ArrayList<>())
                            .add("Marked as a key account in the CRM (" + column + ": " + account.keyAccount() + ")");
                    report.keyAccountsMarked++;
                }
            }
        }
        for (String listed : mapping.settings(KIND, "accounts", List.of())) {
            Accounts.Resolution resolved = accounts.resolve(listed.trim());
            if (!resolved.found()) {
                report.mappingProblems.add(KIND + ".accounts: " + resolved.problem());
            } else {
                List<String> reasons = rationale.computeIfAbsent(resolved.id(), a -> new ArrayList<>());
                String reason = "Listed as a key account in the import mapping";
                if (!reasons.contains(reason)) {
                    reasons.add(reason);
                    report.keyAccountsListed++;
                }
            }
        }
        for (Accounts.Entry account : accounts.entries()) {
            List<String> reasons = rationale.get(account.id());
            if (reasons != null) {
                designate(accountsFile, account, String.join("; ", reasons), won, first, last, asOf, report, sink);
            }
        }
    }

    /** The end of the revenue window: {@code keyAccounts.asOf}, else the close date of the latest won deal. */
    private LocalDate asOf(WonDeals won, ImportReport report) {
        String configured = mapping.setting(KIND, "asOf", "");
        if (configured.isEmpty()) {
            return won.latest();
        }
        LocalDate parsed = context.dates.parse(configured).orElse(null);
        if (parsed == null) {
            report.mappingProblems.add(KIND + ".asOf: unparseable date '" + configured + "'");
        }
        return parsed;
    }

    private void designate(String file, Accounts.Entry account, String rationale, WonDeals won, YearMonth first,
                           YearMonth last, LocalDate asOf, ImportReport report, EventSink sink) {
        String origin = file + ":" + account.line();
        // designated as of the revenue window's end, never before the account was registered
        LocalDate day = asOf == null || asOf.isBefore(account.registeredOn()) ? account.registeredOn() : asOf;
        Instant at = Dates.noon(day);
        String prefix = "crm-account-" + account.id();
        ObjectNode designated = EventData.object();
        designated.put("rationale", rationale.length() > 2000 ? rationale.substring(0, 1999) + "…" : rationale);
        sink.accept(new PlannedEvent(Service.ACCOUNT, account.id(), prefix + "-key-account", "KeyAccountDesignated",
                at, designated, origin));
        report.keyAccountsDesignated++;
        SalesTeams.Agent manager = keyAccountManager(account, won, first, last);
        if (manager == null) {
            report.keyAccountsWithoutManager++;
            return;
        }
        ObjectNode assigned = EventData.object();
        assigned.put("managerId", manager.id());
        assigned.put("name", manager.name());
        // the manager's id is part of the event id: a later export naming another manager posts a reassignment
        String assignment = EventIds.bounded(prefix + "-manager-" + manager.id());
        sink.accept(new PlannedEvent(Service.ACCOUNT, account.id(), assignment, "KeyAccountManagerAssigned",
                at.plusSeconds(60), assigned, origin));
        report.keyAccountManagers++;
        Map<String, String[]> members = new LinkedHashMap<>();
        List<String> team = mapping.settings(KIND, "team", List.of("manager")).stream()
                .map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        if (team.contains("manager") && manager.managerId() != null) {
            members.put(manager.managerId(), new String[] {manager.managerName(), "MANAGEMENT"});
        }
        if (team.contains("agents")) {
            for (String agentId : won.agents(account.id(), first, last)) {
                members.putIfAbsent(agentId, new String[] {won.agent(agentId).name(), "SALES"});
            }
        }
        members.remove(manager.id());
        members.forEach((memberId, member) -> {
            ObjectNode joined = EventData.object();
            joined.put("memberId", memberId);
            joined.put("name", member[0]);
            joined.put("function", member[1]);
            sink.accept(new PlannedEvent(Service.ACCOUNT, account.id(), EventIds.bounded(prefix + "-team-" + memberId),
                    "AccountTeamMemberJoined", at.plusSeconds(120), joined, origin));
            report.teamMembersJoined++;
        });
    }

    /**
     * The account's owner (the {@code owner} column) when given, else the agent who won the most with it in the
     * revenue window, else in any month; null when no won deal names an agent.
     */
    private SalesTeams.Agent keyAccountManager(Accounts.Entry account, WonDeals won, YearMonth first, YearMonth last) {
        if (!account.owner().isEmpty()) {
            return teams.agent(account.owner());
        }
        List<String> agents = first == null ? List.of() : won.agents(account.id(), first, last);
        if (agents.isEmpty()) {
            agents = won.agents(account.id(), null, null);
        }
        return agents.isEmpty() ? null : won.agent(agents.get(0));
    }
}
