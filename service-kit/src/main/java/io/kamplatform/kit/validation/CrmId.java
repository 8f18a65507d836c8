package io.kamplatform.kit.validation;

/**
 * The one rule for identifiers that come from a CRM (accounts, contacts, interactions, requests, complaints,
 * contracts, concessions, managers, team members): 1-64 letters, digits and a few separators, starting with a letter
 * or digit, so they are safe in URLs, Kafka keys, stream ids and logs. Event records use {@link #PATTERN} and
 * {@link #MESSAGE} in {@code @Pattern}; path and body checks use {@link #isValid}. The published JSON Schemas state the
 * same pattern.
 */
public final class CrmId {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}";
    public static final String MESSAGE = "must be 1-64 characters: letters, digits and . _ : @ - (starting with a letter or digit)";

    private CrmId() {
    }

    public static boolean isValid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
