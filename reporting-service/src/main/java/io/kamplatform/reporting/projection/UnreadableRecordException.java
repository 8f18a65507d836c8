package io.kamplatform.reporting.projection;

/**
 * A record that can never be projected (not JSON, no account key, no CloudEvents id, source, type or time). Failing
 * the message with it sends the record to the topic's dead-letter topic, with this message as the reason.
 */
public class UnreadableRecordException extends RuntimeException {
    public UnreadableRecordException(String reason) {
        super(reason, null, false, false);
    }
}
