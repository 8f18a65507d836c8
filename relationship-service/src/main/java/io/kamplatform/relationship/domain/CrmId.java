package io.kamplatform.relationship.domain;

/**
 * Identifiers come from the CRM (account, contact, interaction, request, complaint, contract and concession ids):
 * letters, digits and a few separators, so they are safe in URLs, keys and logs.
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
