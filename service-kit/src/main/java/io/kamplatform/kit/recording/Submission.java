package io.kamplatform.kit.recording;

/** What every recorder needs to know of a validated submission, whatever its domain. */
public interface Submission {

    String eventId();

    /** The account the event is about. */
    String subject();

    /** Fingerprint of the submission, to tell a retry from a reused event id. */
    String requestHash();

    /** The version of the target stream the client last saw, or null. */
    Long expectedVersion();
}
