package io.kamplatform.local.importer;

import io.kamplatform.local.demo.EventData;
import io.kamplatform.local.demo.EventSink;
import io.kamplatform.local.demo.PlannedEvent;
import io.kamplatform.local.demo.PlannedEvent.Service;
import io.kamplatform.local.demo.Progress;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Imports CRM CSV exports: accounts (with parents), deals (optionally priced by a product list). Streams every
 * file (only ids, parents and the price list are kept in memory) and hands events to an {@link EventSink}: the
 * {@link io.kamplatform.local.demo.BatchLoader} to post, or a counting sink for a dry run.
 *
 * <p>Accounts: {@code AccountRegistered} ({@code crm-account-<id>}), {@code SalesPotentialAssessed}
 * ({@code ...-potential}) when a potential is given. Parents are registered before children whatever the file order.
 * Won deals: {@code RevenueRecognized} in the month of the close date ({@code crm-deal-<id>-revenue}) and
 * {@code ContractSigned} ({@code crm-deal-<id>-contract}, contract id {@code crm-<id>}) with the list value from
 * a list-price column or product price x quantity. Lost and open deals are counted, not imported.
 *
 * <p>Contacts: {@code ContactAdded} ({@code crm-contact-<id>}, contact id = the CRM id) on the day the account was
 * registered. Activities: {@code InteractionRecorded} ({@code crm-activity-<id>}), planned after every contact; the
 * contacts they name must have been imported for the same account. A two-way activity without a contact is rejected,
 * or recorded as one-way when {@code activities.twoWayWithoutContacts: one-way}.
 */
public final class CsvImport {

    /** The input files; null for those not given. */
    public record Files(Path accounts, Path deals, Path products, Path contacts, Path activities) {

        public Files(Path accounts, Path deals, Path products) {
            this(accounts, deals, products, null, null);
        }
    }

    static final Set<String> ROLES = Set.of("DECIDER", "INFLUENCER", "BUYER", "USER", "GATEKEEPER", "SPONSOR");
    static final Set<String> LEVELS = Set.of("EXECUTIVE", "MANAGEMENT", "OPERATIONAL");
    static final Set<String> KINDS = Set.of("VISIT", "MEETING", "CALL", "EMAIL", "PRESENTATION", "BUSINESS_REVIEW",
            "WORKSHOP", "OTHER");
    static final Set<String> FUNCTIONS = Set.of("SALES", "TECHNICAL", "SERVICE", "FINANCE", "MANAGEMENT", "LOGISTICS",
            "MARKETING", "PRODUCT", "OTHER");
    static final Set<String> SENTIMENTS = Set.of("VERY_NEGATIVE", "NEGATIVE", "NEUTRAL", "POSITIVE", "VERY_POSITIVE");
    static final List<String> TWO_WAY_KINDS = List.of("VISIT", "MEETING", "CALL", "PRESENTATION", "BUSINESS_REVIEW",
            "WORKSHOP");
    private static final Map<String, Boolean> DIRECTIONS = Map.of("true", true, "false", false, "yes", true,
            "no", false, "two-way", true, "one-way", false, "twoway", true, "oneway", false);

    private final ImportMapping mapping;
    private final LocalDate today;
    private final Progress progress;

    public CsvImport(ImportMapping mapping, LocalDate today, Progress progress) {
        this.mapping = mapping;
        this.today = today;
        this.progress = progress;
    }

    public ImportReport run(Files files, EventSink sink, boolean dryRun) throws IOException {
        ImportReport report = new ImportReport();
        report.dryRun = dryRun;
        if (progress != null) {
            long total = 0;
            for (Path p : new Path[] {files.accounts(), files.deals(), files.products(), files.contacts(),
                    files.activities()}) {
                total += p == null ? 0 : Math.max(0, lines(p) - 1);
            }
            progress.total(total + (files.accounts() == null ? 0 : Math.max(0, lines(files.accounts()) - 1)));
        }
        Map<String, BigDecimal> prices = files.products() == null ? Map.of() : products(files.products(), report);
        Map<String, LocalDate> registered = new HashMap<>();
        Map<String, Integer> depth = files.accounts() == null ? Map.of()
                : accounts(files.accounts(), report, sink, registered);
        if (files.deals() != null) {
            deals(files.deals(), report, sink, depth, prices);
        }
        // Contacts before activities: an activity may only name contacts planned above.
        Contacts contacts = files.contacts() == null ? new Contacts("", Map.of(), Map.of())
                : contacts(files.contacts(), report, sink, registered);
        if (files.activities() != null) {
            activities(files.activities(), report, sink, depth, contacts);
        }
        report.load = sink.finish();
        report.eventsPlanned = report.load.planned();
        return report;
    }

    // ---- products ----

    private Map<String, BigDecimal> products(Path path, ImportReport report) throws IOException {
        String file = path.getFileName().toString();
        Map<String, BigDecimal> prices = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (CsvReader csv = open(path)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                tick();
                report.read(file);
                String name = row.get(col(ImportMapping.PRODUCTS, "name"));
                String key = productKey(name);
                if (key.isEmpty()) {
                    report.reject(file, row.line(), "missing product name");
                    continue;
                }
                Integer first = firstLine.putIfAbsent(key, row.line());
                if (first != null) {
                    report.reject(file, row.line(), "duplicate product '" + name + "' (first on line " + first + ")");
                    continue;
                }
                Optional<BigDecimal> price = amount(row.get(col(ImportMapping.PRODUCTS, "listPrice")));
                if (price.isEmpty()) {
                    report.reject(file, row.line(), "unparseable amount '" + row.get(col(ImportMapping.PRODUCTS, "listPrice")) + "'");
                    firstLine.remove(key);
                    continue;
                }
                prices.put(key, price.get());
            }
        }
        return prices;
    }

    private String productKey(String name) {
        String canonical = mapping.synonym(ImportMapping.PRODUCTS, "name", name).orElse(name);
        return canonical.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    // ---- accounts ----

    /** Validates every row, then registers accounts level by level (parents first). Returns id to depth. */
    private Map<String, Integer> accounts(Path path, ImportReport report, EventSink sink,
                                          Map<String, LocalDate> registered) throws IOException {
        String file = path.getFileName().toString();
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        try (CsvReader csv = open(path)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                tick();
                report.read(file);
                Optional<String> problem = accountProblem(row, lineOf);
                if (problem.isPresent()) {
                    report.reject(file, row.line(), problem.get());
                    continue;
                }
                String id = row.get(col(ImportMapping.ACCOUNTS, "id"));
                lineOf.put(id, row.line());
                parentOf.put(id, row.get(col(ImportMapping.ACCOUNTS, "parent")));
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
        int levels = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int level = 0; level <= levels; level++) {
            try (CsvReader csv = open(path)) {
                for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                    String id = row.get(col(ImportMapping.ACCOUNTS, "id"));
                    if (level == 0 && !row.blank()) {
                        tick();
                    }
                    if (Integer.valueOf(level).equals(depth.get(id)) && lineOf.get(id) == row.line()) {
                        registered.put(id, register(file, row, id, sink));
                    }
                }
            }
        }
        return depth;
    }

    private Optional<String> accountProblem(CsvReader.Row row, Map<String, Integer> lineOf) {
        String id = row.get(col(ImportMapping.ACCOUNTS, "id"));
        if (id.isEmpty()) {
            return Optional.of("missing account id");
        }
        if (!EventData.ID.matcher(id).matches()) {
            return Optional.of("invalid account id '" + id + "' (letters, digits and . _ : @ - only, at most 64)");
        }
        if (lineOf.containsKey(id)) {
            return Optional.of("duplicate id '" + id + "' (first on line " + lineOf.get(id) + ")");
        }
        if (row.get(col(ImportMapping.ACCOUNTS, "name")).isEmpty()) {
            return Optional.of("missing account name");
        }
        if (country(row).isEmpty()) {
            return Optional.of("unknown country '" + row.get(col(ImportMapping.ACCOUNTS, "country")) + "'");
        }
        String potential = row.get(col(ImportMapping.ACCOUNTS, "potential"));
        if (!potential.isEmpty() && amount(potential).isEmpty()) {
            return Optional.of("unparseable amount '" + potential + "'");
        }
        String created = row.get(col(ImportMapping.ACCOUNTS, "created"));
        if (!created.isEmpty() && date(created).isEmpty()) {
            return Optional.of("unparseable date '" + created + "'");
        }
        return Optional.empty();
    }

    private Optional<String> country(CsvReader.Row row) {
        String raw = row.get(col(ImportMapping.ACCOUNTS, "country"));
        Optional<String> mapped = mapping.synonym(ImportMapping.ACCOUNTS, "country", raw);
        if (mapped.isPresent()) {
            return mapped;
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        return upper.matches("[A-Z]{2}") ? Optional.of(upper) : Optional.empty();
    }

    private LocalDate register(String file, CsvReader.Row row, String id, EventSink sink) {
        String origin = file + ":" + row.line();
        String created = row.get(col(ImportMapping.ACCOUNTS, "created"));
        LocalDate day = created.isEmpty() ? mapping.registeredOn() : date(created).orElseThrow();
        Instant at = noon(day);
        String sector = row.get(col(ImportMapping.ACCOUNTS, "sector"));
        sector = mapping.synonym(ImportMapping.ACCOUNTS, "sector", sector).orElse(sector.isEmpty() ? "Unspecified" : sector);
        ObjectNode data = EventData.object();
        data.put("name", row.get(col(ImportMapping.ACCOUNTS, "name")));
        data.put("sector", sector);
        data.put("country", country(row).orElseThrow());
        String parent = row.get(col(ImportMapping.ACCOUNTS, "parent"));
        if (!parent.isEmpty()) {
            data.put("parentAccountId", parent);
        }
        sink.accept(new PlannedEvent(Service.ACCOUNT, id, "crm-account-" + id, "AccountRegistered", at, data, origin));
        String potential = row.get(col(ImportMapping.ACCOUNTS, "potential"));
        if (!potential.isEmpty()) {
            ObjectNode assessed = EventData.object();
            assessed.set("annualPotential", EventData.money(amount(potential).orElseThrow(), mapping.currency()));
            assessed.put("rationale", "Imported from the CRM");
            sink.accept(new PlannedEvent(Service.ACCOUNT, id, "crm-account-" + id + "-potential",
                    "SalesPotentialAssessed", at, assessed, origin));
        }
        return day;
    }

    /** Reads every non-blank row once (streaming), counts it, and reports the problem the importer returns, if any. */
    private void eachRow(Path path, ImportReport report, java.util.function.Function<CsvReader.Row, String> importer)
            throws IOException {
        String file = path.getFileName().toString();
        try (CsvReader csv = open(path)) {
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.blank()) {
                    continue;
                }
                tick();
                report.read(file);
                String problem = importer.apply(row);
                if (problem != null) {
                    report.reject(file, row.line(), problem);
                }
            }
        }
    }

    // ---- deals ----

    private void deals(Path path, ImportReport report, EventSink sink, Map<String, Integer> accounts,
                       Map<String, BigDecimal> prices) throws IOException {
        String file = path.getFileName().toString();
        Map<String, Integer> lineOf = new HashMap<>();
        eachRow(path, report, row -> deal(file, row, report, sink, accounts, prices, lineOf));
    }

    /** Imports one deal; returns why it cannot be imported, or null. */
    private String deal(String file, CsvReader.Row row, ImportReport report, EventSink sink,
                        Map<String, Integer> accounts, Map<String, BigDecimal> prices, Map<String, Integer> lineOf) {
        String id = row.get(col(ImportMapping.DEALS, "id"));
        if (id.isEmpty()) {
            return "missing deal id";
        }
        Integer first = lineOf.putIfAbsent(id, row.line());
        if (first != null) {
            return "duplicate id '" + id + "' (first on line " + first + ")";
        }
        String account = row.get(col(ImportMapping.DEALS, "account"));
        if (!accounts.containsKey(account)) {
            return "unknown account '" + account + "'";
        }
        String rawStage = row.get(col(ImportMapping.DEALS, "stage"));
        Optional<String> stage = mapping.stage(rawStage);
        if (stage.isEmpty()) {
            return "unknown stage '" + rawStage + "'";
        }
        if (stage.get().equals("LOST")) {
            report.dealsLost++;
            return null;
        }
        if (!stage.get().equals("WON")) {
            report.dealsOpen++;
            return null;
        }
        String rawDate = row.get(col(ImportMapping.DEALS, "closeDate"));
        Optional<LocalDate> closed = date(rawDate);
        if (closed.isEmpty()) {
            return "unparseable date '" + rawDate + "'";
        }
        if (!closed.get().isBefore(today)) {
            return "close date " + closed.get() + " is not in the past";
        }
        String rawAmount = row.get(col(ImportMapping.DEALS, "amount"));
        Optional<BigDecimal> amount = money(rawAmount, row.get(col(ImportMapping.DEALS, "currency")));
        if (amount.isEmpty()) {
            return "unparseable amount '" + rawAmount + "'";
        }
        BigDecimal listValue;
        String rawList = row.get(col(ImportMapping.DEALS, "listValue"));
        String product = row.get(col(ImportMapping.DEALS, "product"));
        if (!rawList.isEmpty()) {
            Optional<BigDecimal> list = money(rawList, row.get(col(ImportMapping.DEALS, "currency")));
            if (list.isEmpty()) {
                return "unparseable amount '" + rawList + "'";
            }
            listValue = list.get();
        } else if (!product.isEmpty() && !prices.isEmpty()) {
            BigDecimal price = prices.get(productKey(product));
            if (price == null) {
                return "unknown product '" + product + "'";
            }
            String rawQuantity = row.get(col(ImportMapping.DEALS, "quantity"));
            Optional<BigDecimal> quantity = rawQuantity.isEmpty() ? Optional.of(BigDecimal.ONE) : amount(rawQuantity);
            if (quantity.isEmpty()) {
                return "unparseable quantity '" + rawQuantity + "'";
            }
            listValue = price.multiply(quantity.get());
        } else {
            listValue = amount.get();
        }
        if (listValue.compareTo(amount.get()) < 0) {
            report.dealsAboveList++;
            listValue = amount.get();
        }
        BigDecimal cost;
        String rawCost = row.get(col(ImportMapping.DEALS, "cost"));
        if (!rawCost.isEmpty()) {
            Optional<BigDecimal> parsed = money(rawCost, row.get(col(ImportMapping.DEALS, "currency")));
            if (parsed.isEmpty()) {
                return "unparseable amount '" + rawCost + "'";
            }
            cost = parsed.get();
        } else {
            cost = amount.get().multiply(BigDecimal.ONE.subtract(mapping.grossMarginPct().movePointLeft(2)));
        }
        report.dealsWon++;
        String origin = file + ":" + row.line();
        String safeId = safeId(id);
        Instant at = noon(closed.get());
        ObjectNode revenue = EventData.object();
        revenue.put("month", YearMonth.from(closed.get()).toString());
        revenue.set("revenue", EventData.money(amount.get(), mapping.currency()));
        revenue.set("costOfSales", EventData.money(cost, mapping.currency()));
        revenue.put("reference", "deal " + id);
        sink.accept(new PlannedEvent(Service.ACCOUNT, account, "crm-deal-" + safeId + "-revenue", "RevenueRecognized",
                at, revenue, origin));
        ObjectNode contract = EventData.object();
        contract.put("contractId", contractId(safeId));
        contract.put("startsOn", closed.get().toString());
        contract.put("endsOn", closed.get().plusMonths(mapping.contractTermMonths()).minusDays(1).toString());
        contract.set("annualValue", EventData.money(amount.get(), mapping.currency()));
        contract.set("listValue", EventData.money(listValue, mapping.currency()));
        BigDecimal margin = amount.get().signum() == 0 ? BigDecimal.ZERO : amount.get().subtract(cost)
                .multiply(BigDecimal.valueOf(100)).divide(amount.get(), 2, RoundingMode.HALF_UP);
        contract.put("expectedMarginPct", margin.max(BigDecimal.valueOf(-100)).min(BigDecimal.valueOf(100)));
        contract.put("serviceLevel", mapping.serviceLevel());
        contract.put("preferredSupplier", false);
        sink.accept(new PlannedEvent(Service.RELATIONSHIP, account, "crm-deal-" + safeId + "-contract",
                "ContractSigned", at, contract, origin));
        return null;
    }

    // ---- contacts ----

    /** The contacts read: valid ones with their account, and the line of every id seen (valid or not). */
    private record Contacts(String file, Map<String, String> accountOf, Map<String, Integer> lineOf) {
    }

    private Contacts contacts(Path path, ImportReport report, EventSink sink, Map<String, LocalDate> registered)
            throws IOException {
        String file = path.getFileName().toString();
        report.relationshipFiles = true;
        Contacts contacts = new Contacts(file, new HashMap<>(), new HashMap<>());
        eachRow(path, report, row -> contact(file, row, report, sink, registered, contacts));
        return contacts;
    }

    /** Plans one {@code ContactAdded}; returns why the row cannot be imported, or null. */
    private String contact(String file, CsvReader.Row row, ImportReport report, EventSink sink,
                           Map<String, LocalDate> registered, Contacts contacts) {
        String id = row.get(col(ImportMapping.CONTACTS, "id"));
        if (id.isEmpty()) {
            return "missing contact id";
        }
        if (!EventData.ID.matcher(id).matches()) {
            return "invalid contact id '" + id + "' (letters, digits and . _ : @ - only, at most 64)";
        }
        Integer first = contacts.lineOf().putIfAbsent(id, row.line());
        if (first != null) {
            return "duplicate id '" + id + "' (first on line " + first + ")";
        }
        String account = row.get(col(ImportMapping.CONTACTS, "account"));
        if (account.isEmpty()) {
            return "missing account";
        }
        if (!registered.containsKey(account)) {
            return "unknown account '" + account + "'";
        }
        String name = row.get(col(ImportMapping.CONTACTS, "name"));
        if (name.isEmpty()) {
            return "missing contact name";
        }
        if (name.length() > 200) {
            return "contact name longer than 200 characters";
        }
        String rawLevel = row.get(col(ImportMapping.CONTACTS, "level"));
        if (rawLevel.isEmpty()) {
            rawLevel = mapping.setting(ImportMapping.CONTACTS, "defaultLevel", "");
            if (rawLevel.isEmpty()) {
                return "missing level";
            }
        }
        Optional<String> level = mapping.enumValue(ImportMapping.CONTACTS, "level", rawLevel, LEVELS);
        if (level.isEmpty()) {
            return "unknown level '" + rawLevel + "'";
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String rawRole : split(ImportMapping.CONTACTS, row.get(col(ImportMapping.CONTACTS, "roles")))) {
            Optional<String> role = mapping.enumValue(ImportMapping.CONTACTS, "roles", rawRole, ROLES);
            if (role.isEmpty()) {
                return "unknown buying role '" + rawRole + "'";
            }
            roles.add(role.get());
        }
        String function = row.get(col(ImportMapping.CONTACTS, "function"));
        function = mapping.synonym(ImportMapping.CONTACTS, "function", function).orElse(function);
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
        sink.accept(new PlannedEvent(Service.RELATIONSHIP, account, "crm-contact-" + safeId(id), "ContactAdded",
                noon(registered.get(account)), data, file + ":" + row.line()));
        contacts.accountOf().put(id, account);
        report.contactsAdded++;
        return null;
    }

    // ---- activities ----

    private void activities(Path path, ImportReport report, EventSink sink, Map<String, Integer> accounts,
                            Contacts contacts) throws IOException {
        String file = path.getFileName().toString();
        report.relationshipFiles = true;
        Map<String, Integer> lineOf = new HashMap<>();
        eachRow(path, report, row -> activity(file, row, report, sink, accounts, contacts, lineOf));
    }

    /** Plans one {@code InteractionRecorded}; returns why the row cannot be imported, or null. */
    private String activity(String file, CsvReader.Row row, ImportReport report, EventSink sink,
                            Map<String, Integer> accounts, Contacts contacts, Map<String, Integer> lineOf) {
        String kindOfFile = ImportMapping.ACTIVITIES;
        String id = row.get(col(kindOfFile, "id"));
        if (id.isEmpty()) {
            return "missing activity id";
        }
        if (!EventData.ID.matcher(id).matches()) {
            return "invalid activity id '" + id + "' (letters, digits and . _ : @ - only, at most 64)";
        }
        Integer first = lineOf.putIfAbsent(id, row.line());
        if (first != null) {
            return "duplicate id '" + id + "' (first on line " + first + ")";
        }
        String account = row.get(col(kindOfFile, "account"));
        if (account.isEmpty()) {
            return "missing account";
        }
        if (!accounts.containsKey(account)) {
            return "unknown account '" + account + "'";
        }
        String rawKind = row.get(col(kindOfFile, "kind"));
        if (rawKind.isEmpty()) {
            return "missing kind";
        }
        Optional<String> kind = mapping.enumValue(kindOfFile, "kind", rawKind, KINDS);
        if (kind.isEmpty()) {
            return "unknown kind '" + rawKind + "'";
        }
        String rawDate = row.get(col(kindOfFile, "date"));
        if (rawDate.isEmpty()) {
            return "missing date";
        }
        Optional<LocalDate> day = date(rawDate);
        if (day.isEmpty()) {
            return "unparseable date '" + rawDate + "'";
        }
        if (day.get().isAfter(today)) {
            return "date " + day.get() + " is in the future";
        }
        String owner = row.get(col(kindOfFile, "owner"));
        if (owner.isEmpty()) {
            owner = mapping.setting(kindOfFile, "defaultOwner", "");
            if (owner.isEmpty()) {
                return "missing owner";
            }
        }
        if (!EventData.ID.matcher(owner).matches()) {
            return "invalid owner id '" + owner + "' (letters, digits and . _ : @ - only, at most 64)";
        }
        String rawFunction = row.get(col(kindOfFile, "ownerFunction"));
        if (rawFunction.isEmpty()) {
            rawFunction = mapping.setting(kindOfFile, "defaultOwnerFunction", "SALES");
        }
        Optional<String> function = mapping.enumValue(kindOfFile, "ownerFunction", rawFunction, FUNCTIONS);
        if (function.isEmpty()) {
            return "unknown owner function '" + rawFunction + "'";
        }
        Set<String> contactIds = new LinkedHashSet<>();
        for (String contact : split(kindOfFile, row.get(col(kindOfFile, "contacts")))) {
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
        String directionColumn = col(kindOfFile, "twoWay") != null ? col(kindOfFile, "twoWay") : col(kindOfFile, "direction");
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
        String rawSentiment = row.get(col(kindOfFile, "sentiment"));
        Optional<String> sentiment = rawSentiment.isEmpty() ? Optional.empty()
                : mapping.enumValue(kindOfFile, "sentiment", rawSentiment, SENTIMENTS);
        if (!rawSentiment.isEmpty() && sentiment.isEmpty()) {
            return "unknown sentiment '" + rawSentiment + "'";
        }
        String rawFollowUp = row.get(col(kindOfFile, "followUp"));
        Optional<LocalDate> followUp = rawFollowUp.isEmpty() ? Optional.empty() : date(rawFollowUp);
        if (!rawFollowUp.isEmpty() && followUp.isEmpty()) {
            return "unparseable date '" + rawFollowUp + "'";
        }
        String summary = row.get(col(kindOfFile, "subject"));
        if (summary.length() > 2000) {
            summary = summary.substring(0, 1999) + "…";
        }
        ObjectNode data = EventData.object();
        data.put("interactionId", id);
        data.put("kind", kind.get());
        data.set("contactIds", EventData.strings(contactIds));
        ObjectNode participant = data.putArray("supplierParticipants").addObject();
        participant.put("participantId", owner);
        String ownerName = row.get(col(kindOfFile, "ownerName"));
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
        sink.accept(new PlannedEvent(Service.RELATIONSHIP, account, "crm-activity-" + safeId(id),
                "InteractionRecorded", noon(day.get()), data, file + ":" + row.line()));
        report.activitiesRecorded++;
        if (twoWay) {
            report.activitiesTwoWay++;
        }
        return null;
    }

    /** The values of a list cell, split at {@code <file>.listSeparator} (default {@code ;}), trimmed, blanks dropped. */
    private List<String> split(String kind, String cell) {
        String separator = mapping.setting(kind, "listSeparator", ";");
        List<String> values = new java.util.ArrayList<>();
        for (String value : cell.split(java.util.regex.Pattern.quote(separator.isEmpty() ? ";" : separator))) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    // ---- parsing ----

    Optional<LocalDate> date(String raw) {
        for (DateTimeFormatter format : mapping.dateFormats()) {
            try {
                return Optional.of(LocalDate.parse(raw.trim(), format));
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return Optional.empty();
    }

    /** An amount converted to the platform currency; empty when unparseable or the currency has no rate. */
    Optional<BigDecimal> money(String raw, String currencyColumn) {
        String text = raw.trim();
        String currency = currencyColumn.isEmpty() ? mapping.currency() : currencyColumn.toUpperCase(Locale.ROOT);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("^([A-Za-z]{3})\\s*|\\s*([A-Za-z]{3})$").matcher(text);
        if (code.find()) {
            currency = (code.group(1) != null ? code.group(1) : code.group(2)).toUpperCase(Locale.ROOT);
            text = code.replaceFirst("");
        }
        if (text.startsWith("€") || text.endsWith("€")) {
            currency = "EUR";
            text = text.replace("€", "");
        } else if (text.startsWith("$")) {
            currency = "USD";
            text = text.substring(1);
        }
        Optional<BigDecimal> value = amount(text);
        if (value.isEmpty() || currency.equals(mapping.currency())) {
            return value;
        }
        BigDecimal rate = mapping.rates().get(currency);
        return rate == null ? Optional.empty() : Optional.of(value.get().multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    /** "1,234.50", "1.234,50", "1234.5", "1 234,50" - not negative. */
    static Optional<BigDecimal> amount(String raw) {
        String text = raw.trim().replace(" ", "").replace("\u00a0", "").replace("'", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            text = comma > dot ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
        } else if (comma >= 0) {
            boolean decimal = text.indexOf(',') == comma && text.length() - comma - 1 != 3;
            text = decimal ? text.replace(',', '.') : text.replace(",", "");
        }
        if (!text.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text));
    }

    private static String safeId(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9._:@-]", "_");
        if (cleaned.length() <= 56 && cleaned.equals(id)) {
            return cleaned;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            String prefix = cleaned.substring(0, Math.min(cleaned.length(), 40));
            return prefix + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contractId(String safeId) {
        String id = "crm-" + safeId;
        return Character.isLetterOrDigit(id.charAt(0)) ? id : "c" + id;
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private String col(String kind, String field) {
        return mapping.column(kind, field);
    }

    private CsvReader open(Path path) throws IOException {
        return new CsvReader(java.nio.file.Files.newBufferedReader(path, StandardCharsets.UTF_8), mapping.delimiter());
    }

    private void tick() {
        if (progress != null) {
            progress.advance(1);
        }
    }

    private static long lines(Path path) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

}
