package io.kamplatform.crmimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.PlannedEvent.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The activities file: {@code InteractionRecorded} ({@code crm-activity-<id>}, interaction id = the CRM id) at noon
 * UTC of its date, read after every contact: the contacts it names must have been imported for the same account. A
 * two-way activity without a contact is rejected, or recorded as one-way with
 * {@code activities.twoWayWithoutContacts: one-way}.
 */
final class ActivityImport {

    static final Set<String> KINDS = Set.of("VISIT", "MEETING", "CALL", "EMAIL", "PRESENTATION", "BUSINESS_REVIEW",
            "WORKSHOP", "OTHER");
    static final Set<String> FUNCTIONS = Set.of("SALES", "TECHNICAL", "SERVICE", "FINANCE", "MANAGEMENT", "LOGISTICS",
            "MARKETING", "PRODUCT", "OTHER");
    static final Set<String> SENTIMENTS = Set.of("VERY_NEGATIVE", "NEGATIVE", "NEUTRAL", "POSITIVE", "VERY_POSITIVE");
    static final List<String> TWO_WAY_KINDS = List.of("VISIT", "MEETING", "CALL", "PRESENTATION", "BUSINESS_REVIEW",
            "WORKSHOP");
    private static final Map<String, Boolean> DIRECTIONS = Map.of("true", true, "false", false, "yes", true,
            "no", false, "two-way", true, "one-way", false, "twoway", true, "oneway", false);

    private final ImportContext context;
    private final ImportMapping mapping;

    ActivityImport(ImportContext context) {
        this.context = context;
        this.mapping = context.mapping;
    }

    void run(Path path, ImportReport report, EventSink sink, Accounts accounts, ContactImport.Contacts contacts)
            throws IOException {
        String file = path.getFileName().toString();
        report.relationshipFiles = true;
        Map<String, Integer> lineOf = new HashMap<>();
        context.eachRow(path, report, row -> activity(file, row, report, sink, accounts, contacts, lineOf));
    }

    /** Plans one {@code InteractionRecorded}; returns why the row cannot be imported, or null. */
    private String activity(String file, CsvReader.Row row, ImportReport report, EventSink sink,
                            Accounts accounts, ContactImport.Contacts contacts, Map<String, Integer> lineOf) {
        String kindOfFile = ImportMapping.ACTIVITIES;
        String id = row.get(context.col(kindOfFile, "id"));
        if (id.isEmpty()) {
            return "missing activity id";
        }
        if (!EventData.ID.matcher(id).matches()) {
            return ImportContext.invalidId("activity", id);
        }
        Integer first = lineOf.putIfAbsent(id, row.line());
        if (first != null) {
            return "duplicate id '" + id + "' (first on line " + first + ")";
        }
        Accounts.Resolution resolved = accounts.resolve(row.get(context.col(kindOfFile, "account")));
        if (!resolved.found()) {
            return resolved.problem();
        }
        String account = resolved.id();
        String rawKind = row.get(context.col(kindOfFile, "kind"));
        if (rawKind.isEmpty()) {
            return "missing kind";
        }
        Optional<String> kind = mapping.enumValue(kindOfFile, "kind", rawKind, KINDS);
        if (kind.isEmpty()) {
            return "unknown kind '" + rawKind + "'";
        }
        String rawDate = row.get(context.col(kindOfFile, "date"));
        if (rawDate.isEmpty()) {
            return "missing date";
        }
        Optional<LocalDate> day = context.dates.parse(rawDate);
        if (day.isEmpty()) {
            return "unparseable date '" + rawDate + "'";
        }
        if (day.get().isAfter(context.today)) {
            return "date " + day.get() + " is in the future";
        }
        String owner = row.get(context.col(kindOfFile, "owner"));
        if (owner.isEmpty()) {
            owner = mapping.setting(kindOfFile, "defaultOwner", "");
            if (owner.isEmpty()) {
                return "missing owner";
            }
        }
        if (!EventData.ID.matcher(owner).matches()) {
            return ImportContext.invalidId("owner", owner);
        }
        String rawFunction = row.get(context.col(kindOfFile, "ownerFunction"));
        if (rawFunction.isEmpty()) {
            rawFunction = mapping.setting(kindOfFile, "defaultOwnerFunction", "SALES");
        }
        Optional<String> function = mapping.enumValue(kindOfFile, "ownerFunction", rawFunction, FUNCTIONS);
        if (function.isEmpty()) {
            return "unknown owner function '" + rawFunction + "'";
        }
        Set<String> contactIds = new LinkedHashSet<>();
        for (String contact : context.split(kindOfFile, row.get(context.col(kindOfFile, "contacts")))) {
            String of = contacts.accountOf().get(contact);
            if (of == null) {
                Integer seen = contacts.lineOf().get(contact);
                return seen == null ? "unknown contact '" + contact + "'"
                        : "contact '" + contact + "' was not imported (" + contacts.file() + ":" + seen + ")";
            }
            if (!of.equals(account)) {
                return "contact '" + contact + "' belongs to account '" + of + "', not '" + account + "'";
            }
            contactIds.add(contact);
        }
        String directionColumn = context.col(kindOfFile, "twoWay") != null ? context.col(kindOfFile, "twoWay") : context.col(kindOfFile, "direction");
        String rawDirection = row.get(directionColumn);
        boolean twoWay;
        if (rawDirection.isEmpty()) {
            twoWay = mapping.settings(kindOfFile, "twoWayKinds", TWO_WAY_KINDS).stream()
                    .anyMatch(k -> k.equalsIgnoreCase(kind.get()));
        } else {
            String mapped = mapping.synonym(kindOfFile, "twoWay", rawDirection)
                    .or(() -> mapping.synonym(kindOfFile, "direction", rawDirection)).orElse(rawDirection);
            Boolean parsed = DIRECTIONS.get(CsvReader.key(mapped));
            if (parsed == null) {
                return "unknown direction '" + rawDirection + "'";
            }
            twoWay = parsed;
        }
        if (twoWay && contactIds.isEmpty()) {
            if (!mapping.setting(kindOfFile, "twoWayWithoutContacts", "reject").equalsIgnoreCase("one-way")) {
                return "two-way " + kind.get() + " names no contact (a two-way interaction needs at least one)";
            }
            twoWay = false;
            report.activitiesMadeOneWay++;
        }
        String rawSentiment = row.get(context.col(kindOfFile, "sentiment"));
        Optional<String> sentiment = rawSentiment.isEmpty() ? Optional.empty()
                : mapping.enumValue(kindOfFile, "sentiment", rawSentiment, SENTIMENTS);
        if (!rawSentiment.isEmpty() && sentiment.isEmpty()) {
            return "unknown sentiment '" + rawSentiment + "'";
        }
        String rawFollowUp = row.get(context.col(kindOfFile, "followUp"));
        Optional<LocalDate> followUp = rawFollowUp.isEmpty() ? Optional.empty() : context.dates.parse(rawFollowUp);
        if (!rawFollowUp.isEmpty() && followUp.isEmpty()) {
            return "unparseable date '" + rawFollowUp + "'";
        }
        String summary = row.get(context.col(kindOfFile, "subject"));
        if (summary.length() > 2000) {
            summary = summary.substring(0, 1999) + "…";
        }
        ObjectNode data = EventData.object();
        data.put("interactionId", id);
        data.put("kind", kind.get());
        data.set("contactIds", EventData.strings(contactIds));
        ObjectNode participant = data.putArray("supplierParticipants").addObject();
        participant.put("participantId", owner);
        String ownerName = row.get(context.col(kindOfFile, "ownerName"));
        if (!ownerName.isEmpty()) {
            participant.put("name", ownerName);
        }
        participant.put("function", function.get());
        data.put("twoWay", twoWay);
        sentiment.ifPresent(s -> data.put("sentiment", s));
        if (!summary.isEmpty()) {
            data.put("summary", summary);
        }
        followUp.ifPresent(d -> data.put("followUpDueOn", d.toString()));
        sink.accept(new PlannedEvent(Service.RELATIONSHIP, account, "crm-activity-" + EventIds.safeId(id),
                "InteractionRecorded", Dates.noon(day.get()), data, file + ":" + row.line()));
        report.activitiesRecorded++;
        if (twoWay) {
            report.activitiesTwoWay++;
        }
        return null;
    }
}
