package io.kamplatform.account.domain;

import java.util.List;

/** The outcome of deciding on a command: the events to append, or why nothing may be appended. */
public sealed interface Decision {

    record Accepted(List<AccountEvent> events) implements Decision {
    }

    record Rejected(Rejection rejection) implements Decision {
    }

    static Decision accept(AccountEvent event) {
        return new Accepted(List.of(event));
    }

    static Decision reject(Rejection rejection) {
        return new Rejected(rejection);
    }
}
