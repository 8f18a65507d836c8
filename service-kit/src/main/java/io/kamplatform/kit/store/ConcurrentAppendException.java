package io.kamplatform.kit.store;

/**
 * Another transaction appended the same stream version or the same event id first. The caller
 * reloads and decides again: the loser of a race never overwrites the winner.
 */
public class ConcurrentAppendException extends RuntimeException {
    public ConcurrentAppendException(String constraint, Throwable cause) {
        super("concurrent append hit " + constraint, cause);
    }
}
