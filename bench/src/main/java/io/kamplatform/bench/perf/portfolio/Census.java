package io.kamplatform.bench.perf.portfolio;

/** What a generated portfolio holds. */
public record Census(int accounts, int groups, int keyAccounts, long accountEvents, long relationshipEvents) {

    public long events() {
        return accountEvents + relationshipEvents;
    }

    /** Average length of an account's stream in account-service: what each append loads and folds first. */
    public int averageAccountStream() {
        return (int) Math.max(1, (accountEvents - groups) / Math.max(1, accounts));
    }
}
