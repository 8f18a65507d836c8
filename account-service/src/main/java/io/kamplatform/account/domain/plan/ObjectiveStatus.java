package io.kamplatform.account.domain.plan;

/** An objective is open until it is achieved, missed or dropped; a closed objective takes no more progress. */
public enum ObjectiveStatus {
    OPEN, ACHIEVED, MISSED, DROPPED;

    public boolean closed() {
        return this != OPEN;
    }
}
