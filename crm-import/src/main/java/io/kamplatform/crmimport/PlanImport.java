package io.kamplatform.crmimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.PlannedEvent.Service;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The account plans file, as a flat CRM report exports it: one row per objective, the plan's columns repeated on
 * each (a row without an objective id is a plan without objectives yet). The first row of a plan publishes it
 * ({@code AccountPlanPublished}, {@code crm-plan-<id>}) at noon of its publication date (default: the period start);
 * its later rows must repeat the same plan values. No event depends on the day of the import, so a re-run posts
 * nothing new. Each objective is set with the plan
 * ({@code ObjectiveSet}, {@code crm-objective-<id>}); its status column adds where it stands: a value of an open
 * objective is {@code ObjectiveProgressReported} on the (required) status date ({@code crm-objective-<id>-progress-<date>}, so a
 * later export adds a new report), a closed one {@code ObjectiveAchieved}, {@code ObjectiveMissed} or
 * {@code ObjectiveDropped} ({@code crm-objective-<id>-<status>}). Whether the account is a key account is
 * account-service's rule: a plan of any other account comes back as refused by the service.
 */
final class PlanImport {

    static final Set<String> STATUSES = Set.of("OPEN", "ACHIEVED", "MISSED", "DROPPED");
    private static final String KIND = ImportMapping.PLANS;

    private final ImportContext context;
    private final ImportMapping mapping;
    /** The first row of each plan: its line, account and data, which its later rows must repeat. */
    private final Map<String, FirstRow> plans = new HashMap<>();
    private final Map<String, Integer> objectiveLines = new HashMap<>();

    private record FirstRow(int line, String account, ObjectNode data, Instant publishedAt, LocalDate start, LocalDate end) {
    }

    PlanImport(ImportContext context) {
        this.context = context;
        this.mapping = context.mapping;
    }

    void run(Path path, ImportReport report, EventSink sink, Accounts accounts) throws IOException {
        String file = path.getFileName().toString();
        report.planFiles = true;
        context.eachRow(path, report, row -> row(file, row, report, sink, accounts));
    }

    /** Plans the row's events; returns why the row cannot be imported, or null. */
    private String row(String file, CsvReader.Row row, ImportReport report, EventSink sink, Accounts accounts) {
        String planId = cell(row, "plan");
        if (planId.isEmpty()) {
            return "missing plan id";
        }
        if (!EventData.ID.matcher(planId).matches()) {
            return ImportContext.invalidId("plan", planId);
        }
        Accounts.Resolution resolved = accounts.resolve(cell(row, "account"));
        if (!resolved.found()) {
            return resolved.problem();
        }
        Object plan = plan(row, planId, resolved.id());
        if (plan instanceof String problem) {
            return problem;
        }
        FirstRow candidate = (FirstRow) plan;
        FirstRow first = plans.putIfAbsent(planId, candidate);
        if (first == null) {
            first = candidate;
            sink.accept(new PlannedEvent(Service.ACCOUNT, first.account(), "crm-plan-" + EventIds.safeId(planId),
                    "AccountPlanPublished", first.publishedAt(), first.data(), file + ":" + row.line()));
            report.plansPublished++;
        } else if (!first.account().equals(candidate.account()) || !first.data().equals(candidate.data())) {
            return "plan '" + planId + "' differs from its first row (line " + first.line() + "): a plan's columns repeat on each of its rows";
        }
        return cell(row, "objective").isEmpty() ? null : objective(file, row, report, sink, planId, first);
    }

    /** The plan of the row (its first row when new), or why its columns are invalid. */
    private Object plan(CsvReader.Row row, String planId, String account) {
        Optional<LocalDate> start = context.dates.parse(cell(row, "periodStart"));
        Optional<LocalDate> end = context.dates.parse(cell(row, "periodEnd"));
        if (start.isEmpty() || end.isEmpty()) {
            return "unparseable period '" + cell(row, "periodStart") + "' to '" + cell(row, "periodEnd") + "'";
        }
        if (!end.get().isAfter(start.get())) {
            return "the period ends (" + end.get() + ") before it starts (" + start.get() + ")";
        }
        String mission = cell(row, "mission");
        if (mission.isEmpty() || mission.length() > 2000) {
            return mission.isEmpty() ? "missing mission statement" : "mission statement longer than 2000 characters";
        }
        String rawTarget = cell(row, "revenueTarget");
        Optional<BigDecimal> target = context.amounts.money(rawTarget, cell(row, "currency"));
        if (target.isEmpty()) {
            return "unparseable amount '" + rawTarget + "'";
        }
        Optional<BigDecimal> share = number(cell(row, "shareOfWalletTarget").replace("%", ""));
        if (share.isEmpty() || share.get().signum() < 0 || share.get().compareTo(BigDecimal.valueOf(100)) > 0) {
            return "share-of-wallet target '" + cell(row, "shareOfWalletTarget") + "' is not a percentage from 0 to 100";
        }
        String sponsor = cell(row, "sponsorId");
        if (!EventData.ID.matcher(sponsor).matches()) {
            return sponsor.isEmpty() ? "missing executive sponsor" : ImportContext.invalidId("executive sponsor", sponsor);
        }
        String sponsorName = cell(row, "sponsorName").isEmpty() ? sponsor : cell(row, "sponsorName");
        String rawPublished = cell(row, "publishedOn");
        if (rawPublished.isEmpty() && start.get().isAfter(context.today)) {
            return "missing publication date (the period starts after today)";
        }
        // Never today's date by default: a re-import on another day must post the same events.
        Optional<LocalDate> published = rawPublished.isEmpty() ? start : context.dates.parse(rawPublished);
        if (published.isEmpty() || published.get().isAfter(context.today)) {
            return published.isEmpty() ? "unparseable date '" + rawPublished + "'" : "date " + published.get() + " is in the future";
        }
        ObjectNode data = EventData.object();
        data.put("planId", planId);
        data.put("periodStart", start.get().toString());
        data.put("periodEnd", end.get().toString());
        data.put("missionStatement", mission);
        data.set("revenueTarget", EventData.money(target.get(), mapping.currency()));
        data.put("shareOfWalletTargetPct", share.get());
        data.put("executiveSponsorId", sponsor);
        data.put("executiveSponsorName", sponsorName.length() > 200 ? sponsorName.substring(0, 200) : sponsorName);
        return new FirstRow(row.line(), account, data, Dates.noon(published.get()), start.get(), end.get());
    }

    private String objective(String file, CsvReader.Row row, ImportReport report, EventSink sink, String planId,
                             FirstRow plan) {
        String id = cell(row, "objective");
        if (!EventData.ID.matcher(id).matches()) {
            return ImportContext.invalidId("objective", id);
        }
        Integer firstLine = objectiveLines.putIfAbsent(id, row.line());
        if (firstLine != null) {
            return "duplicate objective '" + id + "' (first on line " + firstLine + ")";
        }
        String metric = cell(row, "metric");
        if (metric.isEmpty() || metric.length() > 200) {
            return metric.isEmpty() ? "missing metric" : "metric longer than 200 characters";
        }
        String unit = cell(row, "unit");
        if (unit.length() > 32) {
            return "unit longer than 32 characters";
        }
        Optional<BigDecimal> target = number(cell(row, "target"));
        if (target.isEmpty()) {
            return "unparseable target value '" + cell(row, "target") + "'";
        }
        Optional<BigDecimal> baseline = number(cell(row, "baseline"));
        if (!cell(row, "baseline").isEmpty() && baseline.isEmpty()) {
            return "unparseable baseline value '" + cell(row, "baseline") + "'";
        }
        Optional<LocalDate> due = context.dates.parse(cell(row, "dueOn"));
        if (due.isEmpty()) {
            return "unparseable due date '" + cell(row, "dueOn") + "'";
        }
        if (due.get().isBefore(plan.start()) || due.get().isAfter(plan.end())) {
            return "due date " + due.get() + " outside the plan's period " + plan.start() + " to " + plan.end();
        }
        String owner = cell(row, "owner").isEmpty() ? mapping.setting(KIND, "defaultOwner", "") : cell(row, "owner");
        if (!EventData.ID.matcher(owner).matches()) {
            return owner.isEmpty() ? "missing objective owner" : ImportContext.invalidId("owner", owner);
        }
        String rawStatus = cell(row, "status");
        Optional<String> status = rawStatus.isEmpty() ? Optional.of("OPEN")
                : mapping.enumValue(KIND, "status", rawStatus, STATUSES);
        if (status.isEmpty()) {
            return "unknown status '" + rawStatus + "'";
        }
        Optional<BigDecimal> value = number(cell(row, "value"));
        if (!cell(row, "value").isEmpty() && value.isEmpty()) {
            return "unparseable value '" + cell(row, "value") + "'";
        }
        String rawStatusDate = cell(row, "statusDate");
        boolean reportsStatus = value.isPresent() || !status.get().equals("OPEN");
        if (reportsStatus && rawStatusDate.isEmpty()) {
            return "missing status date (a value or an outcome needs the day it was reached)";
        }
        Optional<LocalDate> statusDate = rawStatusDate.isEmpty() ? Optional.of(context.today) : context.dates.parse(rawStatusDate);
        if (statusDate.isEmpty() || statusDate.get().isAfter(context.today)) {
            return statusDate.isEmpty() ? "unparseable date '" + rawStatusDate + "'" : "date " + statusDate.get() + " is in the future";
        }
        String reason = cell(row, "reason");
        boolean needsReason = status.get().equals("MISSED") || status.get().equals("DROPPED");
        if (needsReason && reason.isEmpty()) {
            return "a " + status.get().toLowerCase(Locale.ROOT) + " objective needs a reason";
        }

        ObjectNode set = objectiveData(planId, id);
        set.put("metric", metric);
        if (!unit.isEmpty()) {
            set.put("unit", unit);
        }
        set.put("targetValue", target.get());
        baseline.ifPresent(b -> set.put("baselineValue", b));
        set.put("dueOn", due.get().toString());
        set.put("ownerId", owner);
        if (!cell(row, "ownerName").isEmpty()) {
            set.put("ownerName", cell(row, "ownerName"));
        }
        String origin = file + ":" + row.line();
        String eventId = "crm-objective-" + EventIds.safeId(id);
        sink.accept(new PlannedEvent(Service.ACCOUNT, plan.account(), eventId, "ObjectiveSet", plan.publishedAt(), set, origin));
        report.objectivesSet++;
        Instant at = Dates.noon(statusDate.get());
        if (status.get().equals("OPEN")) {
            if (value.isPresent()) {
                ObjectNode progress = objectiveData(planId, id);
                progress.put("value", value.get());
                sink.accept(new PlannedEvent(Service.ACCOUNT, plan.account(),
                        EventIds.bounded(eventId + "-progress-" + statusDate.get()), "ObjectiveProgressReported", at,
                        progress, origin));
            }
            return null;
        }
        ObjectNode outcome = objectiveData(planId, id);
        if (!status.get().equals("DROPPED")) {
            value.ifPresent(v -> outcome.put("value", v));
        }
        if (needsReason) {
            outcome.put("reason", reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason);
        }
        String type = switch (status.get()) {
            case "ACHIEVED" -> "ObjectiveAchieved";
            case "MISSED" -> "ObjectiveMissed";
            default -> "ObjectiveDropped";
        };
        sink.accept(new PlannedEvent(Service.ACCOUNT, plan.account(), EventIds.bounded(eventId + "-"
                + status.get().toLowerCase(Locale.ROOT)), type, at, outcome, origin));
        report.objectivesClosed++;
        return null;
    }

    private String cell(CsvReader.Row row, String field) {
        return row.get(context.col(KIND, field));
    }

    private static ObjectNode objectiveData(String planId, String objectiveId) {
        ObjectNode data = EventData.object();
        data.put("planId", planId);
        data.put("objectiveId", objectiveId);
        return data;
    }

    /** A metric value as CRMs write it ({@link Amounts#amount}), negative ones with a leading minus. */
    static Optional<BigDecimal> number(String raw) {
        String text = raw.trim();
        boolean negative = text.startsWith("-");
        return Amounts.amount(negative ? text.substring(1) : text).map(v -> negative ? v.negate() : v);
    }
}
