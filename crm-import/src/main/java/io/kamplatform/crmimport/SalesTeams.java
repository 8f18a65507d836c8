package io.kamplatform.crmimport;

import io.kamplatform.crmimport.posting.EventData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The sales teams file (agent, manager, regional office): who a deal's or an account's sales agent is and who
 * manages them. People get ids like accounts do: the {@code agentId}/{@code managerId} column when mapped, else
 * the slug of the name ({@link AccountIds#slug}). The regional office is only counted: no event has a field for it.
 */
final class SalesTeams {

    private static final String KIND = ImportMapping.TEAMS;

    /** A sales agent: id and display name, and their manager's (null when the file names none). */
    record Agent(String id, String name, String managerId, String managerName, boolean listed) {
    }

    private final Map<String, Agent> byKey = new HashMap<>();
    private final Set<String> managers = new HashSet<>();
    private final Set<String> offices = new HashSet<>();
    private final String file;
    private long agents;
    private long unlisted;

    private SalesTeams(String file) {
        this.file = file;
    }

    static SalesTeams none() {
        return new SalesTeams(null);
    }

    static SalesTeams read(ImportContext context, Path path, ImportReport report) throws IOException {
        SalesTeams teams = new SalesTeams(path.getFileName().toString());
        Map<String, Integer> lineOfKey = new HashMap<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        Map<String, String> nameOfId = new HashMap<>();
        context.eachRow(path, report, row -> {
            String name = row.get(context.col(KIND, "agent"));
            if (name.isEmpty()) {
                return "missing sales agent";
            }
            if (name.length() > 200) {
                return "sales agent name longer than 200 characters";
            }
            Integer first = lineOfKey.get(CsvReader.key(name));
            if (first != null) {
                return "duplicate sales agent '" + name + "' (first on line " + first + ")";
            }
            String id = personId(row.get(context.col(KIND, "agentId")), name);
            if (!EventData.ID.matcher(id).matches()) {
                return ImportContext.invalidId("sales agent", id);
            }
            if (lineOfId.containsKey(id)) {
                return "id '" + id + "' of '" + name + "' collides with '" + nameOfId.get(id) + "' on line "
                        + lineOfId.get(id);
            }
            String manager = row.get(context.col(KIND, "manager"));
            String managerId = manager.isEmpty() ? null : personId(row.get(context.col(KIND, "managerId")), manager);
            if (managerId != null && !EventData.ID.matcher(managerId).matches()) {
                return ImportContext.invalidId("manager", managerId);
            }
            if (manager.length() > 200) {
                return "manager name longer than 200 characters";
            }
            lineOfKey.put(CsvReader.key(name), row.line());
            lineOfId.put(id, row.line());
            nameOfId.put(id, name);
            Agent agent = new Agent(id, name, managerId, manager.isEmpty() ? null : manager, true);
            teams.byKey.put(CsvReader.key(name), agent);
            teams.byKey.put(CsvReader.key(id), agent);
            teams.agents++;
            if (managerId != null) {
                teams.managers.add(managerId);
            }
            String office = row.get(context.col(KIND, "office"));
            if (!office.isEmpty()) {
                teams.offices.add(CsvReader.key(office));
            }
            return null;
        });
        report.salesTeams = teams;
        return teams;
    }

    /**
     * The agent a deal or account cell names, by name or id (case and spacing ignored); an agent the teams file does
     * not list still gets an id (the slug of the cell) and the cell as name, but no manager. Null for an empty cell.
     */
    Agent agent(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        Agent listed = byKey.get(CsvReader.key(cell));
        return listed != null ? listed
                : new Agent(personId("", cell), cell.length() > 200 ? cell.substring(0, 200) : cell, null, null, false);
    }

    /** Counts a deal whose agent the teams file does not list (only when there is a teams file). */
    void unlisted(Agent agent) {
        if (file != null && agent != null && !agent.listed()) {
            unlisted++;
        }
    }

    String summary() {
        return "sales teams: " + agents + " agents, " + managers.size() + " managers, " + offices.size() + " offices"
                + (unlisted == 0 ? "" : "; " + unlisted + (unlisted == 1 ? " deal names an agent who is"
                : " deals name agents who are") + " not in " + file);
    }

    private static String personId(String idCell, String name) {
        return idCell.isEmpty() ? AccountIds.slug(name) : idCell;
    }
}
