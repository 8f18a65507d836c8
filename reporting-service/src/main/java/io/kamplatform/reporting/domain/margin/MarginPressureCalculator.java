package io.kamplatform.reporting.domain.margin;

import io.kamplatform.reporting.domain.Decimals;
import io.kamplatform.reporting.domain.Portfolio;
import io.kamplatform.reporting.domain.facts.AccountFacts;
import io.kamplatform.reporting.domain.facts.Concession;
import io.kamplatform.reporting.domain.facts.Contract;
import io.kamplatform.reporting.domain.facts.ContractTerms;
import io.kamplatform.reporting.domain.facts.Dates;
import io.kamplatform.reporting.domain.facts.MonthWindow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Margin pressure per account. Window W = the 12 calendar months complete at asOf; quarters = the last four calendar
 * quarters complete at asOf (UTC; asOf at a quarter's end includes that quarter). Formulas:
 * price realisation = Σ annual / Σ list over current contracts (revenue currency); discount = (1 − annual / list)
 * × 100, compared at every renewal and amendment with the step before; gross margin % = (revenue − cost of sales) /
 * revenue × 100 over W (null when revenue ≤ 0); margin slope = least-squares slope of the quarterly margin % on the
 * quarter number 1..4 (quarters without revenue skipped, ≥ 2 needed), in percentage points per quarter;
 * concessions % = concessions granted in W / revenue of W; service intensity = (requests opened + complaints raised
 * in W) × 1,000,000 / revenue of W; medians over the accounts that have the figure.
 * Service baseline = the median intensity, or the mean when the median is 0 ({@link ServiceIntensityBaseline}).
 * Prices above list are real: realisation > 100% is reported as it is and the discount is then negative (a premium).
 * Squeeze = slope < 0 and the account's share of portfolio revenue in the last 2 quarters > its share in the 2 before.
 * Status abuse = the latest renewal or amendment lowered the price relative to list, leaving it below list, and
 * intensity > 1.5 × baseline (a customer still paying a premium is not abusing its status on price).
 * Score = Σ of: discount depth 20 × min(1, average discount / 40%) (0 for a premium); price erosion 15 × min(1, last
 * change / 10 pp) when the latest step lowered the price relative to list (a deeper discount, a narrower premium);
 * margin below median 20 × min(1, gap / 20 pp); margin decline 15 × min(1, −slope / 5 pp); concessions
 * 15 × min(1, concessions % / 10%); service intensity 15 × min(1, (intensity / baseline − 1) / 2) (no baseline: 0);
 * rounded half-up to 0–100. A driver without data gives 0 and is named in the notes.
 */
public final class MarginPressureCalculator {

    static final int WINDOW_MONTHS = 12;
    static final int QUARTERS = 4;
    static final BigDecimal ABUSE_INTENSITY_FACTOR = new BigDecimal("1.5");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private MarginPressureCalculator() {
    }

    public static MarginPressureRanking rank(List<AccountFacts> accounts, Instant asOf, MarginPressureFilter filter) {
        return MarginPressureRanking.of(asOf, assess(accounts, asOf), filter);
    }

    /** One result per account (ordered by account id). */
    public static List<MarginPressure> assess(List<AccountFacts> accounts, Instant asOf) {
        return assessInputs(inputs(accounts, asOf), asOf);
    }

    /** Each account's own figures at asOf (before any portfolio median), ordered by account id. */
    public static List<MarginInputs> inputs(List<AccountFacts> accounts, Instant asOf) {
        MonthWindow window = MonthWindow.trailing(asOf, WINDOW_MONTHS);
        List<MonthWindow> quarters = MonthWindow.trailingQuarters(asOf, QUARTERS);
        return Portfolio.byId(accounts).values().stream().sorted(Comparator.comparing(AccountFacts::accountId))
                .map(a -> new Raw(a, asOf, window, quarters).inputs()).toList();
    }

    /** One account's own figures at asOf, from its fold. */
    public static MarginInputs inputs(AccountFacts account, Instant asOf) {
        return new Raw(account, asOf, MonthWindow.trailing(asOf, WINDOW_MONTHS),
                MonthWindow.trailingQuarters(asOf, QUARTERS)).inputs();
    }

    /** The results from each account's {@link MarginInputs} (e.g. as the read models keep them), by account id. */
    public static List<MarginPressure> assessInputs(List<MarginInputs> accounts, Instant asOf) {
        MonthWindow window = MonthWindow.trailing(asOf, WINDOW_MONTHS);
        java.util.Map<String, MarginInputs> byId = new java.util.TreeMap<>();
        accounts.forEach(a -> byId.putIfAbsent(a.accountId(), a));
        List<MarginInputs> sorted = List.copyOf(byId.values());
        String currency = Portfolio.revenueCurrencyOf(sorted.stream().map(MarginInputs::currency).toList());
        BigDecimal portfolioPrior = BigDecimal.ZERO;
        BigDecimal portfolioRecent = BigDecimal.ZERO;
        for (MarginInputs a : sorted) {
            if (Objects.equals(a.currency(), currency)) {
                portfolioPrior = portfolioPrior.add(a.revenuePrior());
                portfolioRecent = portfolioRecent.add(a.revenueRecent());
            }
        }
        BigDecimal medianMargin = Decimals.median(sorted.stream().map(MarginInputs::margin).filter(Objects::nonNull).toList());
        List<BigDecimal> intensities = sorted.stream().map(MarginInputs::intensity).filter(Objects::nonNull).toList();
        BigDecimal medianIntensity = Decimals.median(intensities);
        ServiceIntensityBaseline baseline = ServiceIntensityBaseline.of(intensities);
        List<MarginPressure> results = new ArrayList<>(sorted.size());
        for (MarginInputs a : sorted) {
            results.add(Result.of(a, asOf, window, currency, portfolioPrior, portfolioRecent, medianMargin,
                    medianIntensity, baseline));
        }
        return results;
    }

    /** The unrounded figures of one account, before the portfolio medians are known. */
    private static final class Raw {
        final AccountFacts facts;
        final Instant asOf;
        final MonthWindow window;
        final String currency;
        final List<String> notes = new ArrayList<>();
        final List<String> activeContracts = new ArrayList<>();
        BigDecimal realisation;
        final List<DiscountChange> changes = new ArrayList<>();
        final BigDecimal revenue;
        final BigDecimal cost;
        final BigDecimal margin;
        final List<QuarterMargin> quarters = new ArrayList<>();
        BigDecimal slope;
        BigDecimal concessions = BigDecimal.ZERO;
        final List<String> concessionEventIds = new ArrayList<>();
        BigDecimal concessionsPct;
        final int serviceEvents;
        final BigDecimal intensity;
        final BigDecimal prior;
        final BigDecimal recent;

        Raw(AccountFacts a, Instant asOf, MonthWindow window, List<MonthWindow> quarterWindows) {
            this.facts = a;
            this.asOf = asOf;
            this.window = window;
            this.currency = a.revenueCurrency();
            priceRealisation(a);
            discountChanges(a);
            revenue = a.revenueOf(window.from(), window.to());
            cost = a.costOfSalesOf(window.from(), window.to());
            margin = marginPct(revenue, cost);
            if (margin == null) {
                notes.add("No positive revenue in " + window + ": gross margin, concessions % and service intensity"
                        + " not computed");
            }
            quarterMargins(a, quarterWindows);
            for (Concession c : a.concessions()) {
                if (window.contains(c.grantedAt())) {
                    if (currency != null && !currency.equals(c.value().currency())) {
                        notes.add("Concession " + c.concessionId() + " in " + c.value().currency() + ": left out");
                        continue;
                    }
                    concessions = concessions.add(c.value().amount());
                    concessionEventIds.add(c.eventId());
                }
            }
            concessionsPct = revenue.signum() > 0 ? Decimals.pct(concessions, revenue) : null;
            serviceEvents = (int) (a.serviceRequests().values().stream().filter(r -> window.contains(r.openedAt()))
                    .count() + a.complaints().values().stream().filter(c -> window.contains(c.raisedAt())).count());
            intensity = revenue.signum() > 0
                    ? BigDecimal.valueOf(serviceEvents).multiply(MILLION).divide(revenue, Decimals.MC) : null;
            prior = a.revenueOf(quarterWindows.get(0).from(), quarterWindows.get(1).to());
            recent = a.revenueOf(quarterWindows.get(2).from(), quarterWindows.get(3).to());
        }

        MarginInputs inputs() {
            return new MarginInputs(facts.accountId(), facts.profile().name(), facts.profile().keyAccount(), currency,
                    List.copyOf(notes), List.copyOf(activeContracts), realisation, List.copyOf(changes), revenue, cost,
                    margin, List.copyOf(quarters), slope, concessions, List.copyOf(concessionEventIds), concessionsPct,
                    serviceEvents, intensity, prior, recent);
        }

        private void priceRealisation(AccountFacts a) {
            List<Contract> current = a.currentContracts(Dates.day(asOf)).stream()
                    .sorted(Comparator.comparing(Contract::contractId)).toList();
            if (current.isEmpty()) {
                notes.add("No active contract: price realisation not computed");
                return;
            }
            String contractCurrency = currency != null ? currency : current.get(0).annualValue().currency();
            BigDecimal annual = BigDecimal.ZERO;
            BigDecimal list = BigDecimal.ZERO;
            for (Contract c : current) {
                if (!contractCurrency.equals(c.annualValue().currency()) || !c.annualValue().sameCurrency(c.listValue())) {
                    notes.add("Contract " + c.contractId() + " not in " + contractCurrency + ": left out");
                    continue;
                }
                activeContracts.add(c.contractId());
                annual = annual.add(c.annualValue().amount());
                list = list.add(c.listValue().amount());
            }
            realisation = list.signum() > 0 ? Decimals.pct(annual, list) : null;
        }

        private void discountChanges(AccountFacts a) {
            for (Contract c : a.contracts().values()) {
                List<ContractTerms> history = c.termsHistory();
                for (int i = 1; i < history.size(); i++) {
                    ContractTerms step = history.get(i);
                    BigDecimal before = history.get(i - 1).discountPct(Decimals.MC);
                    BigDecimal after = step.discountPct(Decimals.MC);
                    DiscountChange change = new DiscountChange(c.contractId(), step.step(),
                            Dates.day(step.recordedAt()), Decimals.two(before), Decimals.two(after),
                            before == null || after == null ? null : Decimals.two(after.subtract(before)),
                            step.eventId());
                    changes.add(change);
                }
            }
            changes.sort(Comparator.comparing(DiscountChange::on).thenComparing(DiscountChange::contractId));
        }

        private void quarterMargins(AccountFacts a, List<MonthWindow> quarterWindows) {
            BigDecimal n = BigDecimal.ZERO;
            BigDecimal sx = BigDecimal.ZERO;
            BigDecimal sy = BigDecimal.ZERO;
            BigDecimal sxy = BigDecimal.ZERO;
            BigDecimal sxx = BigDecimal.ZERO;
            for (int i = 0; i < quarterWindows.size(); i++) {
                MonthWindow q = quarterWindows.get(i);
                BigDecimal rev = a.revenueOf(q.from(), q.to());
                BigDecimal cos = a.costOfSalesOf(q.from(), q.to());
                BigDecimal m = marginPct(rev, cos);
                quarters.add(new QuarterMargin(q.from().getYear() + "-Q" + ((q.from().getMonthValue() + 2) / 3), rev,
                        cos, Decimals.two(m)));
                if (m != null) {
                    BigDecimal x = BigDecimal.valueOf(i + 1L);
                    n = n.add(BigDecimal.ONE);
                    sx = sx.add(x);
                    sy = sy.add(m);
                    sxy = sxy.add(x.multiply(m));
                    sxx = sxx.add(x.multiply(x));
                }
            }
            if (n.intValue() >= 2) {
                slope = n.multiply(sxy).subtract(sx.multiply(sy))
                        .divide(n.multiply(sxx).subtract(sx.multiply(sx)), Decimals.MC);
            } else {
                notes.add("Fewer than 2 of the last 4 quarters have revenue: margin slope not computed");
            }
        }

        private static BigDecimal marginPct(BigDecimal revenue, BigDecimal cost) {
            return revenue.signum() > 0 ? Decimals.pct(revenue.subtract(cost), revenue) : null;
        }

    }

    /** One account's result, once the portfolio figures are known. */
    private static final class Result {

        private Result() {
        }

        static MarginPressure of(MarginInputs in, Instant asOf, MonthWindow window, String portfolioCurrency,
                BigDecimal portfolioPrior, BigDecimal portfolioRecent, BigDecimal medianMargin, BigDecimal medianIntensity,
                ServiceIntensityBaseline baseline) {
            String currency = in.currency();
            BigDecimal realisation = in.realisation();
            BigDecimal margin = in.margin();
            BigDecimal slope = in.slope();
            BigDecimal concessionsPct = in.concessionsPct();
            BigDecimal intensity = in.intensity();
            List<DiscountChange> changes = in.discountChanges();
            DiscountChange last = changes.isEmpty() ? null : changes.get(changes.size() - 1);
            List<String> notes = new ArrayList<>(in.notes());
            BigDecimal sharePrior = null;
            BigDecimal shareRecent = null;
            boolean shareRose = false;
            if (currency != null && !currency.equals(portfolioCurrency)) {
                notes.add("Revenue in " + currency + ", not " + portfolioCurrency + ": revenue share not compared");
            } else if (portfolioPrior.signum() > 0 && portfolioRecent.signum() > 0) {
                sharePrior = Decimals.pct(in.revenuePrior(), portfolioPrior);
                shareRecent = Decimals.pct(in.revenueRecent(), portfolioRecent);
                shareRose = in.revenueRecent().multiply(portfolioPrior).compareTo(in.revenuePrior().multiply(portfolioRecent)) > 0;
            }
            boolean squeeze = slope != null && slope.signum() < 0 && shareRose;
            boolean eroded = PriceStep.eroded(last);
            boolean highService = intensity != null && baseline.defined()
                    && intensity.compareTo(ABUSE_INTENSITY_FACTOR.multiply(baseline.value())) > 0;
            // A customer still paying above list after the step is not abusing its status on price.
            boolean abuse = eroded && PriceStep.belowListAfter(last) && highService;

            List<PressureDriver> drivers = new ArrayList<>();
            List<String> allNotes = new ArrayList<>(notes);
            BigDecimal total = BigDecimal.ZERO;
            if (realisation != null) {
                BigDecimal discount = Decimals.HUNDRED.subtract(realisation);
                if (discount.signum() > 0) {
                    total = total.add(driver(drivers, "Discount depth", 20, ratio(discount, BigDecimal.valueOf(40)),
                            "Average discount " + Decimals.plain(Decimals.two(discount)) + "% on active contracts"));
                } else if (discount.signum() < 0) {
                    allNotes.add("Active contracts priced " + Decimals.plain(Decimals.two(discount.negate()))
                            + "% above list (realisation " + Decimals.plain(Decimals.two(realisation))
                            + "%): a premium, no discount pressure");
                }
            }
            if (eroded) {
                total = total.add(driver(drivers, "Price erosion", 15, ratio(last.changePp(), BigDecimal.TEN),
                        PriceStep.words(last)));
            }
            if (margin != null && medianMargin != null) {
                BigDecimal gap = medianMargin.subtract(margin);
                total = total.add(driver(drivers, "Margin below median", 20, ratio(gap, BigDecimal.valueOf(20)),
                        "Gross margin " + Decimals.plain(Decimals.two(margin)) + "% vs portfolio median "
                                + Decimals.plain(Decimals.two(medianMargin)) + "%"));
            }
            if (slope != null) {
                total = total.add(driver(drivers, "Margin decline", 15, ratio(slope.negate(), BigDecimal.valueOf(5)),
                        "Gross margin " + trendWords(Decimals.two(slope))));
            }
            if (concessionsPct != null) {
                total = total.add(driver(drivers, "Concessions", 15, ratio(concessionsPct, BigDecimal.TEN),
                        "Concessions " + Decimals.plain(Decimals.two(concessionsPct)) + "% of revenue"));
            }
            if (intensity != null && baseline.defined()) {
                BigDecimal fraction = ratio(intensity.divide(baseline.value(), Decimals.MC).subtract(BigDecimal.ONE),
                        BigDecimal.valueOf(2));
                total = total.add(driver(drivers, "Service intensity", 15, fraction,
                        Decimals.plain(Decimals.two(intensity)) + " service events per 1M of revenue vs "
                                + (baseline.kind() == ServiceIntensityBaseline.Kind.MEDIAN ? "median "
                                : "portfolio mean (the median is 0) ") + Decimals.plain(Decimals.two(baseline.value()))));
            } else if (intensity != null) {
                allNotes.add("No service request or complaint in the portfolio in " + window
                        + ": service intensity not compared");
            }
            if (squeeze) {
                allNotes.add("Squeeze: margin falling while revenue share rose from "
                        + Decimals.plain(Decimals.two(sharePrior)) + "% to " + Decimals.plain(Decimals.two(shareRecent))
                        + "%");
            }
            if (abuse) {
                allNotes.add("Status abuse: the price fell further below list while service intensity exceeds 1.5 × the "
                        + (baseline.kind() == ServiceIntensityBaseline.Kind.MEDIAN ? "median" : "portfolio mean"));
            }
            drivers.sort(Comparator.comparing(PressureDriver::points).reversed());
            int score = total.setScale(0, RoundingMode.HALF_UP).intValue();
            return new MarginPressure(in.accountId(), in.name(), in.keyAccount(), asOf,
                    window, currency, Decimals.two(realisation),
                    realisation == null ? null : Decimals.two(Decimals.HUNDRED.subtract(realisation)),
                    in.activeContractIds(), changes,
                    in.revenue(), in.costOfSales(), Decimals.two(margin), Decimals.two(medianMargin), in.quarters(),
                    Decimals.two(slope), in.concessions(), Decimals.two(concessionsPct), in.concessionEventIds(),
                    in.serviceEvents(), Decimals.two(intensity), Decimals.two(medianIntensity), Decimals.two(baseline.value()),
                    baseline.kindName(),
                    Decimals.two(sharePrior),
                    Decimals.two(shareRecent), squeeze, abuse, score,
                    drivers.stream().filter(d -> d.points().signum() > 0).toList(), List.copyOf(allNotes));
        }

        /** "falling 5 pp per quarter", "rising 1.5 pp per quarter", or "flat" for a slope that rounds to 0.00. */
        private static String trendWords(BigDecimal slope) {
            return slope.signum() == 0 ? "flat over the last 4 quarters"
                    : (slope.signum() < 0 ? "falling " : "rising ") + Decimals.plain(slope.abs()) + " pp per quarter";
        }

        private static BigDecimal ratio(BigDecimal value, BigDecimal fullAt) {
            return Decimals.clamp01(value.divide(fullAt, Decimals.MC));
        }

        /** Adds a driver and returns its exact points. */
        private static BigDecimal driver(List<PressureDriver> drivers, String name, int max, BigDecimal fraction,
                String words) {
            BigDecimal points = fraction.multiply(BigDecimal.valueOf(max));
            BigDecimal shown = points.setScale(1, RoundingMode.HALF_UP);
            drivers.add(new PressureDriver(name, shown, max, words + " (+" + Decimals.plain(shown) + " of " + max + ")"));
            return points;
        }
    }
}

