package io.kamplatform.reporting.domain.facts;

import java.util.List;

/** Who the account is: name, parent (groups under common control count as one customer) and key-account flag. */
public record Profile(String name, String parentAccountId, String sector, boolean keyAccount, List<String> eventIds) {

    static final Profile EMPTY = new Profile(null, null, null, false, List.of());
}
