package io.kamplatform.crmimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the won deals say about each account, for the key-account rules: revenue by month and by sales agent. Kept
 * per account, agent and month, so it stays small however many deals the file has.
 */
final class WonDeals {

    /** The agents by id; "" stands for deals without an agent. */
    private final Map<String, SalesTeams.Agent> agents = new HashMap<>();
    private final Map<String, Map<String, Map<YearMonth, BigDecimal>>> byAccount = new HashMap<>();
    private LocalDate latest;

    void add(String accountId, LocalDate closed, BigDecimal amount, SalesTeams.Agent agent) {
        String agentId = agent == null ? "" : agent.id();
        if (agent != null) {
            agents.putIfAbsent(agentId, agent);
        }
        byAccount.computeIfAbsent(accountId, a -> new HashMap<>()).computeIfAbsent(agentId, a -> new HashMap<>())
                .merge(YearMonth.from(closed), amount, BigDecimal::add);
        if (latest == null || closed.isAfter(latest)) {
            latest = closed;
        }
    }

    /** The close date of the latest won deal, null when there is none. */
    LocalDate latest() {
        return latest;
    }

    /** The account's won revenue in the months from {@code first} to {@code last}, both included. */
    BigDecimal revenue(String accountId, YearMonth first, YearMonth last) {
        return byAgent(accountId, first, last).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The agents who won deals on the account in the months from {@code first} to {@code last}, most revenue first
     * (ties by id); null bounds take every month.
     */
    List<String> agents(String accountId, YearMonth first, YearMonth last) {
        Map<String, BigDecimal> byAgent = byAgent(accountId, first, last);
        byAgent.remove("");
        return byAgent.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    SalesTeams.Agent agent(String agentId) {
        return agents.get(agentId);
    }

    private Map<String, BigDecimal> byAgent(String accountId, YearMonth first, YearMonth last) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        byAccount.getOrDefault(accountId, Map.of()).forEach((agent, months) -> months.forEach((month, amount) -> {
            if ((first == null || !month.isBefore(first)) && (last == null || !month.isAfter(last))) {
                sums.merge(agent, amount, BigDecimal::add);
            }
        }));
        return sums;
    }

}
