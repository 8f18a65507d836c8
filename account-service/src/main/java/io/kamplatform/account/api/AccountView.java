package io.kamplatform.account.api;

import io.kamplatform.account.domain.Account;
import io.kamplatform.account.domain.KeyAccountManager;
import io.kamplatform.kit.money.Money;
import io.kamplatform.account.domain.MonthlyRevenue;
import io.kamplatform.account.domain.TeamMember;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The account's current state as the API shows it. */
public record AccountView(
        String accountId,
        long version,
        String name,
        String sector,
        String country,
        String parentAccountId,
        Money salesPotential,
        boolean keyAccount,
        KeyAccountManager keyAccountManager,
        List<TeamMember> team,
        Map<YearMonth, MonthlyRevenue> revenueByMonth) {

    static AccountView of(Account account) {
        return new AccountView(account.accountId(), account.version(), account.name(), account.sector(),
                account.country(), account.parentAccountId(), account.salesPotential(), account.keyAccount(),
                account.keyAccountManager(), List.copyOf(account.team().values()), account.revenueByMonth());
    }
}
