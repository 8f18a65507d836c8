package io.kamplatform.crmimport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.crmimport.posting.EventData;
import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.PlannedEvent;
import io.kamplatform.crmimport.posting.PlannedEvent.Service;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deals file. A won deal becomes {@code RevenueRecognized} in the month of its close date
 * ({@code crm-deal-<id>-revenue}) and {@code ContractSigned} ({@code crm-deal-<id>-contract}, contract id
 * {@code crm-<id>}) with the list value from a list-value column or product price x quantity. Lost and open deals
 * are counted, not imported.
 */
final class DealImport {

    private static final String KIND = ImportMapping.DEALS;

    private final ImportContext context;
    private final ImportMapping mapping;

    DealImport(ImportContext context, SalesTeams teams) {
        this.context = context;
        this.mapping = context.mapping;
        this.teams = teams;
    }

    private final SalesTeams teams;
    private final WonDeals won = new WonDeals();

    /** Returns what the won deals say about each account, for the key-account rules. */
    WonDeals run(Path path, ImportReport report, EventSink sink, Accounts accounts, PriceList prices)
            throws IOException {
        String file = path.getFileName().toString();
        Map<String, Integer> lineOf = new HashMap<>();
        context.eachRow(path, report, row -> deal(file, row, report, sink, accounts, prices, lineOf));
        return won;
    }

    /** Imports one deal; returns why it cannot be imported, or null. */
    private String deal(String file, CsvReader.Row row, ImportReport report, EventSink sink, Accounts accounts,
                        PriceList prices, Map<String, Integer> lineOf) {
        String id = row.get(context.col(KIND, "id"));
        if (id.isEmpty()) {
            return "missing deal id";
        }
        Integer first = lineOf.putIfAbsent(id, row.line());
        if (first != null) {
            return "duplicate id '" + id + "' (first on line " + first + ")";
        }
        String rawStage = row.get(context.col(KIND, "stage"));
        Optional<String> stage = mapping.stage(rawStage);
        if (stage.isEmpty()) {
            return "unknown stage '" + rawStage + "'";
        }
        SalesTeams.Agent agent = teams.agent(row.get(context.col(KIND, "agent")));
        String accountCell = row.get(context.col(KIND, "account"));
        if (accountCell.isEmpty() && stage.get().equals("OPEN")) {
            // early pipeline stages often have no customer yet: that is data, not an error
            teams.unlisted(agent);
            report.dealsOpen++;
            report.dealsOpenWithoutAccount++;
            return null;
        }
        Accounts.Resolution resolved = accounts.resolve(accountCell);
        if (!resolved.found()) {
            return resolved.problem();
        }
        String account = resolved.id();
        if (stage.get().equals("LOST")) {
            teams.unlisted(agent);
            report.dealsLost++;
            return null;
        }
        if (!stage.get().equals("WON")) {
            teams.unlisted(agent);
            report.dealsOpen++;
            return null;
        }
        String rawDate = row.get(context.col(KIND, "closeDate"));
        Optional<LocalDate> closed = context.dates.parse(rawDate);
        if (closed.isEmpty()) {
            return "unparseable date '" + rawDate + "'";
        }
        if (!closed.get().isBefore(context.today)) {
            return "close date " + closed.get() + " is not in the past";
        }
        String currency = row.get(context.col(KIND, "currency"));
        String rawAmount = row.get(context.col(KIND, "amount"));
        Optional<BigDecimal> amount = context.amounts.money(rawAmount, currency);
        if (amount.isEmpty()) {
            return "unparseable amount '" + rawAmount + "'";
        }
        BigDecimal listValue;
        String rawList = row.get(context.col(KIND, "listValue"));
        String product = row.get(context.col(KIND, "product"));
        if (!rawList.isEmpty()) {
            Optional<BigDecimal> list = context.amounts.money(rawList, currency);
            if (list.isEmpty()) {
                return "unparseable amount '" + rawList + "'";
            }
            listValue = list.get();
        } else if (!product.isEmpty() && !prices.isEmpty()) {
            Optional<BigDecimal> price = prices.price(product);
            if (price.isEmpty()) {
                return "unknown product '" + product + "'";
            }
            String rawQuantity = row.get(context.col(KIND, "quantity"));
            Optional<BigDecimal> quantity = rawQuantity.isEmpty() ? Optional.of(BigDecimal.ONE) : Amounts.amount(rawQuantity);
            if (quantity.isEmpty()) {
                return "unparseable quantity '" + rawQuantity + "'";
            }
            listValue = price.get().multiply(quantity.get());
        } else {
            listValue = amount.get();
        }
        if (listValue.compareTo(amount.get()) < 0) {
            // premium pricing is real: raising the list to the deal would understate price realisation
            report.dealsAboveList++;
        }
        BigDecimal cost;
        String rawCost = row.get(context.col(KIND, "cost"));
        if (!rawCost.isEmpty()) {
            Optional<BigDecimal> parsed = context.amounts.money(rawCost, currency);
            if (parsed.isEmpty()) {
                return "unparseable amount '" + rawCost + "'";
            }
            cost = parsed.get();
        } else {
            cost = amount.get().multiply(BigDecimal.ONE.subtract(mapping.grossMarginPct().movePointLeft(2)));
        }
        teams.unlisted(agent);
        won.add(account, closed.get(), amount.get(), agent);
        report.dealsWon++;
        String origin = file + ":" + row.line();
        String safeId = EventIds.safeId(id);
        Instant at = Dates.noon(closed.get());
        ObjectNode revenue = EventData.object();
        revenue.put("month", YearMonth.from(closed.get()).toString());
        revenue.set("revenue", EventData.money(amount.get(), mapping.currency()));
        revenue.set("costOfSales", EventData.money(cost, mapping.currency()));
        revenue.put("reference", "deal " + id);
        sink.accept(new PlannedEvent(Service.ACCOUNT, account, "crm-deal-" + safeId + "-revenue", "RevenueRecognized",
                at, revenue, origin));
        ObjectNode contract = EventData.object();
        contract.put("contractId", EventIds.contractId(safeId));
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
}
