package io.kamplatform.crmimport;

import io.kamplatform.crmimport.posting.LoadResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an import read, planned, posted and refused; every refused row with file, line and reason. */
public final class ImportReport {

    /** A row that was not imported. */
    public record RowRejection(String file, int line, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    private static final Set<String> KEY_ACCOUNT_FACTS = Set.of("KeyAccountDesignated", "KeyAccountManagerAssigned",
            "AccountTeamMemberJoined");
    private static final Set<String> ALREADY = Set.of("ALREADY_KEY_ACCOUNT", "MANAGER_ALREADY_ASSIGNED",
            "ALREADY_TEAM_MEMBER");
    private static final String EVENT_ID_REUSED = "urn:kam-platform:problem:event-id-reused";

    final Map<String, long[]> files = new LinkedHashMap<>();
    final List<RowRejection> rejections = new ArrayList<>();
    final List<String> mappingProblems = new ArrayList<>();
    long dealsWon;
    long dealsLost;
    long dealsOpen;
    long dealsOpenWithoutAccount;
    long dealsAboveList;
    SalesTeams salesTeams;
    boolean keyAccountRules;
    long keyAccountsDesignated;
    long keyAccountsByRevenue;
    long keyAccountsMarked;
    long keyAccountsListed;
    long keyAccountManagers;
    long keyAccountsWithoutManager;
    long teamMembersJoined;
    long contactsAdded;
    long activitiesRecorded;
    long activitiesTwoWay;
    long activitiesMadeOneWay;
    boolean relationshipFiles;
    boolean planFiles;
    long plansPublished;
    long objectivesSet;
    long objectivesClosed;
    long eventsPlanned;
    LoadResult load;
    boolean dryRun;

    void read(String file) {
        files.computeIfAbsent(file, f -> new long[2])[0]++;
    }

    void reject(String file, int line, String reason) {
        files.computeIfAbsent(file, f -> new long[2])[1]++;
        rejections.add(new RowRejection(file, line, reason));
    }

    /** Rejected rows, file by file (in the order the files were read), by line. */
    public List<RowRejection> rejections() {
        List<String> order = new ArrayList<>(files.keySet());
        List<RowRejection> sorted = new ArrayList<>(rejections);
        sorted.sort(java.util.Comparator.comparingInt((RowRejection r) -> order.indexOf(r.file()))
                .thenComparingInt(RowRejection::line));
        return sorted;
    }

    /** Problems of the mapping itself, e.g. a listed key account that names no imported account. */
    public List<String> mappingProblems() {
        return List.copyOf(mappingProblems);
    }

    public long rowsRead() {
        return files.values().stream().mapToLong(c -> c[0]).sum();
    }

    public long rowsRejected() {
        return rejections.size();
    }

    public long rowsRead(String file) {
        return files.getOrDefault(file, new long[2])[0];
    }

    public long dealsWon() {
        return dealsWon;
    }

    public long dealsLost() {
        return dealsLost;
    }

    public long dealsOpen() {
        return dealsOpen;
    }

    public long dealsOpenWithoutAccount() {
        return dealsOpenWithoutAccount;
    }

    public long contactsAdded() {
        return contactsAdded;
    }

    public long activitiesRecorded() {
        return activitiesRecorded;
    }

    public long activitiesTwoWay() {
        return activitiesTwoWay;
    }

    public long plansPublished() {
        return plansPublished;
    }

    public long objectivesSet() {
        return objectivesSet;
    }

    public long objectivesClosed() {
        return objectivesClosed;
    }

    public long eventsPlanned() {
        return eventsPlanned;
    }

    /** True when every row was imported and the services recorded every event (or had it already). */
    public boolean clean() {
        return rowsRejected() == 0 && mappingProblems.isEmpty() && refused().isEmpty();
    }

    /** The events the services refused, but for key-account facts an earlier import recorded already. */
    public List<LoadResult.Rejection> refused() {
        return load == null ? List.of() : load.rejections().stream().filter(r -> !recordedEarlier(r)).toList();
    }

    /**
     * A key-account fact refused because an earlier import recorded it: the same event id with another body (a newer
     * export changed the rationale or the date) or the platform's own "already" rule. The account is a key account,
     * managed and staffed already; that is not a failure of this import.
     */
    private static boolean recordedEarlier(LoadResult.Rejection r) {
        return KEY_ACCOUNT_FACTS.contains(r.type())
                && (EVENT_ID_REUSED.equals(r.problemType()) || ALREADY.contains(String.valueOf(r.code())));
    }


    /** The services' verdicts (all zero in a dry run). */
    public LoadResult load() {
        return load;
    }

    public void print(PrintStream out) {
        out.println(dryRun ? "Dry run: nothing was posted." : "Import finished.");
        files.forEach((file, c) -> out.println("  " + file + ": " + c[0] + " rows read, " + c[1] + " rejected"));
        out.println("  deals: " + dealsWon + " won (imported), " + dealsLost + " lost and " + dealsOpen
                + " open (counted, not imported" + (dealsOpenWithoutAccount > 0 ? "; " + dealsOpenWithoutAccount
                + " of the open deals have no account yet" : "") + ")" + (dealsAboveList > 0 ? ", " + dealsAboveList
                + " won above list price (premium: both values kept)" : ""));
        if (salesTeams != null) {
            out.println("  " + salesTeams.summary());
        }
        if (keyAccountRules) {
            List<String> rules = new ArrayList<>();
            if (keyAccountsByRevenue > 0) {
                rules.add(keyAccountsByRevenue + " top by revenue");
            }
            if (keyAccountsMarked > 0) {
                rules.add(keyAccountsMarked + " marked in the CRM");
            }
            if (keyAccountsListed > 0) {
                rules.add(keyAccountsListed + " listed");
            }
            out.println("  key accounts: " + keyAccountsDesignated + " designated"
                    + (rules.isEmpty() ? "" : " (" + String.join(", ", rules) + ")") + ", " + keyAccountManagers
                    + " with a key account manager" + (keyAccountsWithoutManager == 0 ? "" : ", "
                    + keyAccountsWithoutManager + " without (no owner and no won deal with a sales agent)") + ", "
                    + teamMembersJoined + " team members joined");
        }
        if (relationshipFiles) {
            out.println("  contacts: " + contactsAdded + " added; activities: " + activitiesRecorded + " recorded ("
                    + activitiesTwoWay + " two-way, " + (activitiesRecorded - activitiesTwoWay) + " one-way"
                    + (activitiesMadeOneWay > 0 ? ", " + activitiesMadeOneWay + " of them two-way kinds without a contact"
                    : "") + ")");
        }
        if (planFiles) {
            out.println("  account plans: " + plansPublished + " published, " + objectivesSet + " objectives set ("
                    + objectivesClosed + " achieved, missed or dropped)");
        }
        long earlier = dryRun ? 0 : load.rejected() - refused().size();
        out.println("  events planned: " + eventsPlanned + (dryRun ? "" : "; posted: " + load.recorded()
                + " recorded, " + load.duplicates() + " already there, " + refused().size() + " rejected by the services"
                + (earlier == 0 ? "" : "; " + earlier + " key-account facts were recorded by an earlier import and are"
                + " kept as they are")));
        out.println("  rows read: " + rowsRead() + ", rows rejected: " + rowsRejected());
        if (!rejections.isEmpty()) {
            out.println("Rejected rows:");
            rejections().forEach(r -> out.println("  " + r));
        }
        if (!mappingProblems.isEmpty()) {
            out.println("Mapping problems:");
            mappingProblems.forEach(p -> out.println("  " + p));
        }
        if (!refused().isEmpty()) {
            out.println("Events the services refused:");
            refused().forEach(r -> out.println("  " + r));
        }
    }
}
