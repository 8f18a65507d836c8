package io.kamplatform.reporting.domain.portfolio;

/** Something a key account manager should look at now, about one of their accounts. */
public record Alert(String accountId, String kind, String message) {
}
