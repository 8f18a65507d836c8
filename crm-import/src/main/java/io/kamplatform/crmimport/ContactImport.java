package io.kamplatform.crmimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.PlannedEvent.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contacts file: {@code ContactAdded} ({@code crm-contact-<id>}, contact id = the CRM id) on the day its account
 * was registered. Buying roles are a list in one cell; roles and level go through the mapping's synonyms.
 */
final class ContactImport {

    static final Set<String> ROLES = Set.of("DECIDER", "INFLUENCER", "BUYER", "USER", "GATEKEEPER", "SPONSOR");
    static final Set<String> LEVELS = Set.of("EXECUTIVE", "MANAGEMENT", "OPERATIONAL");

    /** The contacts read: valid ones with their account, and the line of every id seen (valid or not). */
    record Contacts(String file, Map<String, String> accountOf, Map<String, Integer> lineOf) {

        static Contacts none() {
            return new Contacts("", Map.of(), Map.of());
        }
    }

    private static final String KIND = ImportMapping.CONTACTS;

    private final ImportContext context;
    private final ImportMapping mapping;

    ContactImport(ImportContext context) {
        this.context = context;
        this.mapping = context.mapping;
    }

    Contacts run(Path path, ImportReport report, EventSink sink, Accounts accounts) throws IOException {
        String file = path.getFileName().toString();
        report.relationshipFiles = true;
        Contacts contacts = new Contacts(file, new HashMap<>(), new HashMap<>());
        context.eachRow(path, report, row -> contact(file, row, report, sink, accounts, contacts));
        return contacts;
    }

    private String contact(String file, CsvReader.Row row, ImportReport report, EventSink sink,
                           Accounts accounts, Contacts contacts) {
        String id = row.get(context.col(KIND, "id"));
        if (id.isEmpty()) {
            return "missing contact id";
        }
        if (!EventData.ID.matcher(id).matches()) {
            return ImportContext.invalidId("contact", id);
        }
        Integer first = contacts.lineOf().putIfAbsent(id, row.line());
        if (first != null) {
            return "duplicate id '" + id + "' (first on line " + first + ")";
        }
        Accounts.Resolution resolved = accounts.resolve(row.get(context.col(KIND, "account")));
        if (!resolved.found()) {
            return resolved.problem();
        }
        String account = resolved.id();
        String name = row.get(context.col(KIND, "name"));
        if (name.isEmpty()) {
            return "missing contact name";
        }
        if (name.length() > 200) {
            return "contact name longer than 200 characters";
        }
        String rawLevel = row.get(context.col(KIND, "level"));
        if (rawLevel.isEmpty()) {
            rawLevel = mapping.setting(KIND, "defaultLevel", "");
            if (rawLevel.isEmpty()) {
                return "missing level";
            }
        }
        Optional<String> level = mapping.enumValue(KIND, "level", rawLevel, LEVELS);
        if (level.isEmpty()) {
            return "unknown level '" + rawLevel + "'";
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String rawRole : context.split(KIND, row.get(context.col(KIND, "roles")))) {
            Optional<String> role = mapping.enumValue(KIND, "roles", rawRole, ROLES);
            if (role.isEmpty()) {
                return "unknown buying role '" + rawRole + "'";
            }
            roles.add(role.get());
        }
        String function = row.get(context.col(KIND, "function"));
        function = mapping.synonym(KIND, "function", function).orElse(function);
        if (function.length() > 100) {
            return "function longer than 100 characters";
        }
        ObjectNode data = EventData.object();
        data.put("contactId", id);
        data.put("name", name);
        data.set("buyingRoles", EventData.strings(roles));
        data.put("level", level.get());
        if (!function.isEmpty()) {
            data.put("function", function);
        }
        sink.accept(new PlannedEvent(Service.RELATIONSHIP, account, "crm-contact-" + EventIds.safeId(id), "ContactAdded",
                Dates.noon(accounts.registeredOn(account)), data, file + ":" + row.line()));
        contacts.accountOf().put(id, account);
        report.contactsAdded++;
        return null;
    }
}
