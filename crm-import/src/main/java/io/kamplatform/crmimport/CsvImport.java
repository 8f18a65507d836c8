package io.kamplatform.crmimport;

import io.kamplatform.crmimport.posting.EventSink;
import io.kamplatform.crmimport.posting.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Imports CRM CSV exports: products (a price list), sales teams, accounts (with parents), deals, account plans with
 * their objectives, contacts and activities, and designates key accounts by the mapping's rules. Streams
 * every file (only ids, parents, the price list, the sales teams and won revenue per account, agent and month are
 * kept in memory) and hands events to an {@link EventSink}: the
 * {@link io.kamplatform.crmimport.posting.BatchLoader} to post, or a counting sink for a dry run. Each file has its own
 * class ({@link AccountImport}, {@link DealImport}, ...); this one only orders them: a file may only name what the
 * files before it imported.
 */
public final class CsvImport {

    /** The input files; null for those not given. */
    public record Files(Path accounts, Path deals, Path products, Path contacts, Path activities, Path teams,
                        Path plans) {

        public Files(Path accounts, Path deals, Path products, Path contacts, Path activities, Path teams) {
            this(accounts, deals, products, contacts, activities, teams, null);
        }

        public Files(Path accounts, Path deals, Path products) {
            this(accounts, deals, products, null, null, null, null);
        }

        public Files(Path accounts, Path deals, Path products, Path contacts, Path activities) {
            this(accounts, deals, products, contacts, activities, null, null);
        }

        Path[] all() {
            return new Path[] {accounts, deals, products, contacts, activities, teams, plans};
        }
    }

    private final ImportContext context;
    private final Progress progress;

    public CsvImport(ImportMapping mapping, LocalDate today, Progress progress) {
        this.context = new ImportContext(mapping, today, progress);
        this.progress = progress;
    }

    public ImportReport run(Files files, EventSink sink, boolean dryRun) throws IOException {
        ImportReport report = new ImportReport();
        report.dryRun = dryRun;
        if (progress != null) {
            long total = 0;
            for (Path p : files.all()) {
                total += p == null ? 0 : Math.max(0, ImportContext.lines(p) - 1);
            }
            // the accounts file is read twice: validation, then registration level by level
            long accounts = files.accounts() == null ? 0 : Math.max(0, ImportContext.lines(files.accounts()) - 1);
            progress.total(total + accounts);
        }
        PriceList prices = files.products() == null ? PriceList.empty(context.mapping)
                : PriceList.read(context, files.products(), report);
        SalesTeams teams = files.teams() == null ? SalesTeams.none() : SalesTeams.read(context, files.teams(), report);
        Accounts accounts = files.accounts() == null ? new Accounts(AccountIds.of(context.mapping))
                : new AccountImport(context).run(files.accounts(), report, sink);
        WonDeals won = files.deals() == null ? new WonDeals()
                : new DealImport(context, teams).run(files.deals(), report, sink, accounts, prices);
        // after the deals: the top-by-revenue rule and the key account managers come from them
        new KeyAccounts(context, teams).plan(files.accounts() == null ? "accounts" : files.accounts().getFileName()
                .toString(), accounts, won, report, sink);
        // after the key accounts: plans are for key accounts only
        if (files.plans() != null) {
            new PlanImport(context).run(files.plans(), report, sink, accounts);
        }
        // Contacts before activities: an activity may only name contacts planned above.
        ContactImport.Contacts contacts = files.contacts() == null ? ContactImport.Contacts.none()
                : new ContactImport(context).run(files.contacts(), report, sink, accounts);
        if (files.activities() != null) {
            new ActivityImport(context).run(files.activities(), report, sink, accounts, contacts);
        }
        report.load = sink.finish();
        report.eventsPlanned = report.load.planned();
        return report;
    }
}
