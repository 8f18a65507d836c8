package io.kamplatform.reporting.domain.status;

import io.kamplatform.reporting.domain.facts.Money;
import java.math.BigDecimal;
import java.util.List;

/** What the key-status review needs of one account at asOf (from its summary); eventIds only when asked for. */
public record KeyStatusInput(String accountId, String name, boolean keyAccount, String sector, String revenueCurrency,
                             BigDecimal revenue, Money potential, List<String> eventIds) {
}
