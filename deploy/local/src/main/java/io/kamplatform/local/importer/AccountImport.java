package io.kamplatform.local.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.local.demo.EventData;
import io.kamplatform.local.demo.EventSink;
import io.kamplatform.local.demo.PlannedEvent;
import io.kamplatform.local.demo.PlannedEvent.Service;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts file: {@code AccountRegistered} ({@code crm-account-<id>}) and, with a potential,
 * {@code SalesPotentialAssessed} ({@code ...-potential}). Every row is validated first, then accounts are registered
 * level by level, parents before children whatever the file order.
 */
final class AccountImport {

    private static final String KIND = ImportMapping.ACCOUNTS;

    private final ImportContext context;
    private final ImportMapping mapping;

    AccountImport(ImportContext context) {
        this.context = context;
        this.mapping = context.mapping;
    }

    Accounts run(Path path, ImportReport report, EventSink sink) throws IOException {
        String file = path.getFileName().toString();
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        try (CsvReader csv = context.open(path)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                context.tick();
                report.read(file);
                Optional<String> problem = problem(row, lineOf);
                if (problem.isPresent()) {
                    report.reject(file, row.line(), problem.get());
                    continue;
                }
                String id = row.get(context.col(KIND, "id"));
                lineOf.put(id, row.line());
                parentOf.put(id, row.get(context.col(KIND, "parent")));
            }
        }
        // Resolve parents: unknown or cyclic parents reject the row (and, in turn, its children).
        Map<String, Integer> depth = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, String> e : parentOf.entrySet()) {
                if (depth.containsKey(e.getKey())) {
                    continue;
                }
                String parent = e.getValue();
                if (parent.isEmpty()) {
                    depth.put(e.getKey(), 0);
                    changed = true;
                } else if (depth.containsKey(parent)) {
                    depth.put(e.getKey(), depth.get(parent) + 1);
                    changed = true;
                }
            }
        }
        parentOf.keySet().stream().filter(id -> !depth.containsKey(id))
                .sorted((a, b) -> Integer.compare(lineOf.get(a), lineOf.get(b)))
                .forEach(id -> report.reject(file, lineOf.get(id), parentOf.containsKey(parentOf.get(id))
                        ? "parent account '" + parentOf.get(id) + "' was not imported"
                        : "unknown parent account '" + parentOf.get(id) + "'"));
        Accounts accounts = new Accounts();
        int levels = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int level = 0; level <= levels; level++) {
            try (CsvReader csv = context.open(path)) {
                for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                    String id = row.get(context.col(KIND, "id"));
                    if (level == 0 && !row.blank()) {
                        context.tick();
                    }
                    if (Integer.valueOf(level).equals(depth.get(id)) && lineOf.get(id) == row.line()) {
                        accounts.registered(id, register(file, row, id, sink));
                    }
                }
            }
        }
        return accounts;
    }

    private Optional<String> problem(CsvReader.Row row, Map<String, Integer> lineOf) {
        String id = row.get(context.col(KIND, "id"));
        if (id.isEmpty()) {
            return Optional.of("missing account id");
        }
        if (!EventData.ID.matcher(id).matches()) {
            return Optional.of(ImportContext.invalidId("account", id));
        }
        if (lineOf.containsKey(id)) {
            return Optional.of("duplicate id '" + id + "' (first on line " + lineOf.get(id) + ")");
        }
        if (row.get(context.col(KIND, "name")).isEmpty()) {
            return Optional.of("missing account name");
        }
        if (country(row).isEmpty()) {
            return Optional.of("unknown country '" + row.get(context.col(KIND, "country")) + "'");
        }
        String potential = row.get(context.col(KIND, "potential"));
        if (!potential.isEmpty() && Amounts.amount(potential).isEmpty()) {
            return Optional.of("unparseable amount '" + potential + "'");
        }
        String created = row.get(context.col(KIND, "created"));
        if (!created.isEmpty() && context.date(created).isEmpty()) {
            return Optional.of("unparseable date '" + created + "'");
        }
        return Optional.empty();
    }

    private Optional<String> country(CsvReader.Row row) {
        String raw = row.get(context.col(KIND, "country"));
        Optional<String> mapped = mapping.synonym(KIND, "country", raw);
        if (mapped.isPresent()) {
            return mapped;
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z]{2}") ? Optional.of(upper) : Optional.empty();
    }

    private LocalDate register(String file, CsvReader.Row row, String id, EventSink sink) {
        String origin = file + ":" + row.line();
        String created = row.get(context.col(KIND, "created"));
        LocalDate day = created.isEmpty() ? mapping.registeredOn() : context.date(created).orElseThrow();
        Instant at = ImportContext.noon(day);
        String sector = row.get(context.col(KIND, "sector"));
        sector = mapping.synonym(KIND, "sector", sector).orElse(sector.isEmpty() ? "Unspecified" : sector);
        ObjectNode data = EventData.object();
        data.put("name", row.get(context.col(KIND, "name")));
        data.put("sector", sector);
        data.put("country", country(row).orElseThrow());
        String parent = row.get(context.col(KIND, "parent"));
        if (!parent.isEmpty()) {
            data.put("parentAccountId", parent);
        }
        sink.accept(new PlannedEvent(Service.ACCOUNT, id, "crm-account-" + id, "AccountRegistered", at, data, origin));
        String potential = row.get(context.col(KIND, "potential"));
        if (!potential.isEmpty()) {
            ObjectNode assessed = EventData.object();
            assessed.set("annualPotential", EventData.money(Amounts.amount(potential).orElseThrow(), mapping.currency()));
            assessed.put("rationale", "Imported from the CRM");
            sink.accept(new PlannedEvent(Service.ACCOUNT, id, "crm-account-" + id + "-potential",
                    "SalesPotentialAssessed", at, assessed, origin));
        }
        return day;
    }
}
