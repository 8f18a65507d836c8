package io.kamplatform.crmimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.PlannedEvent.Service;
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
 * {@code SalesPotentialAssessed} ({@code ...-potential}). The id is the id column or, with {@code accounts.idFrom},
 * derived by {@link AccountIds}. Every row is validated first, then the group structure resolved
 * ({@link AccountHierarchy}), then accounts are registered level by level, parents before children whatever the
 * file order.
 */
final class AccountImport {

    private static final String KIND = ImportMapping.ACCOUNTS;

    private final ImportContext context;
    private final ImportMapping mapping;
    private final AccountIds ids;

    AccountImport(ImportContext context) {
        this.context = context;
        this.mapping = context.mapping;
        this.ids = AccountIds.of(mapping);
    }

    Accounts run(Path path, ImportReport report, EventSink sink) throws IOException {
        String file = path.getFileName().toString();
        Accounts accounts = new Accounts(ids);
        AccountHierarchy hierarchy = new AccountHierarchy(ids);
        Map<String, Integer> keyLine = new HashMap<>();
        try (CsvReader csv = context.open(path)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                context.tick();
                report.read(file);
                String cell = idCell(row);
                Optional<String> problem = problem(row, hierarchy, keyLine);
                if (problem.isPresent()) {
                    report.reject(file, row.line(), problem.get());
                    hierarchy.rejected(cell, row.line(), problem.get());
                    accounts.rejected(ids.key(cell), file + ":" + row.line() + ": " + problem.get());
                    continue;
                }
                keyLine.put(ids.key(cell), row.line());
                hierarchy.add(ids.id(cell), row.line(), cell, row.get(context.col(KIND, "parent")));
            }
        }
        hierarchy.resolve();
        hierarchy.problems().forEach((id, reason) -> {
            report.reject(file, hierarchy.line(id), reason);
            accounts.rejected(ids.key(hierarchy.cell(id)), file + ":" + hierarchy.line(id) + ": " + reason);
        });
        Map<String, Integer> depth = hierarchy.depth();
        int levels = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int level = 0; level <= levels; level++) {
            try (CsvReader csv = context.open(path)) {
                for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                    String id = ids.id(idCell(row));
                    if (level == 0 && !row.blank()) {
                        context.tick();
                    }
                    boolean thisRow = Integer.valueOf(row.line()).equals(hierarchy.line(id));
                    if (thisRow && Integer.valueOf(level).equals(depth.get(id))) {
                        LocalDate day = register(file, row, id, hierarchy.parentId(id), sink);
                        accounts.registered(ids.key(idCell(row)), new Accounts.Entry(id, row.line(), day,
                                row.get(context.col(KIND, "owner")), row.get(context.col(KIND, "keyAccount"))));
                    }
                }
            }
        }
        return accounts;
    }

    /** The cell the account id comes from: the id column, or with {@code accounts.idFrom} the column named there. */
    private String idCell(CsvReader.Row row) {
        return row.get(ids.derived() ? mapping.accountIdColumn() : context.col(KIND, "id"));
    }

    private Optional<String> problem(CsvReader.Row row, AccountHierarchy hierarchy, Map<String, Integer> keyLine) {
        String cell = idCell(row);
        if (ids.derived()) {
            if (cell.isEmpty()) {
                String field = mapping.setting(KIND, "idFrom", "");
                return Optional.of("missing " + field + " (the account id comes from it)");
            }
            Integer same = keyLine.get(ids.key(cell));
            if (same != null) {
                return Optional.of("duplicate account '" + cell + "' (first on line " + same + ")");
            }
            String id = ids.id(cell);
            if (hierarchy.contains(id)) {
                return Optional.of("id '" + id + "' of '" + cell + "' collides with '" + hierarchy.cell(id)
                        + "' on line " + hierarchy.line(id) + "; rename one of them or map an id column");
            }
        } else {
            if (cell.isEmpty()) {
                return Optional.of("missing account id");
            }
            if (!EventData.ID.matcher(cell).matches()) {
                return Optional.of(ImportContext.invalidId("account", cell));
            }
            if (hierarchy.contains(cell)) {
                return Optional.of("duplicate id '" + cell + "' (first on line " + hierarchy.line(cell) + ")");
            }
        }
        if (row.get(context.col(KIND, "name")).isEmpty()) {
            return Optional.of("missing account name");
        }
        if (country(row).isEmpty()) {
            return Optional.of("unknown country '" + row.get(context.col(KIND, "country")) + "'");
        }
        String potential = row.get(context.col(KIND, "potential"));
        if (!potential.isEmpty() && context.amounts.money(potential, "").isEmpty()) {
            return Optional.of("unparseable amount '" + potential + "'");
        }
        String created = row.get(context.col(KIND, "created"));
        if (!created.isEmpty() && context.dates.parse(created).isEmpty()) {
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

    private LocalDate register(String file, CsvReader.Row row, String id, String parent, EventSink sink) {
        String origin = file + ":" + row.line();
        String created = row.get(context.col(KIND, "created"));
        LocalDate day = created.isEmpty() ? mapping.registeredOn() : context.dates.parse(created).orElseThrow();
        Instant at = Dates.noon(day);
        String sector = row.get(context.col(KIND, "sector"));
        sector = mapping.synonym(KIND, "sector", sector).orElse(sector.isEmpty() ? "Unspecified" : sector);
        ObjectNode data = EventData.object();
        data.put("name", row.get(context.col(KIND, "name")));
        data.put("sector", sector);
        data.put("country", country(row).orElseThrow());
        if (parent != null) {
            data.put("parentAccountId", parent);
        }
        sink.accept(new PlannedEvent(Service.ACCOUNT, id, "crm-account-" + id, "AccountRegistered", at, data, origin));
        String potential = row.get(context.col(KIND, "potential"));
        if (!potential.isEmpty()) {
            ObjectNode assessed = EventData.object();
            assessed.set("annualPotential",
                    EventData.money(context.amounts.money(potential, "").orElseThrow(), mapping.currency()));
            assessed.put("rationale", "Imported from the CRM");
            sink.accept(new PlannedEvent(Service.ACCOUNT, id, "crm-account-" + id + "-potential",
                    "SalesPotentialAssessed", at, assessed, origin));
        }
        return day;
    }
}
