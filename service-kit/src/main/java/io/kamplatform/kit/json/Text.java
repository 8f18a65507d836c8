package io.kamplatform.kit.json;

/**
 * What text the platform stores: any Unicode except NUL (PostgreSQL cannot store U+0000 in text or JSONB, so it would
 * fail the whole transaction) and unpaired surrogates (not Unicode at all; they would be stored as '?'). Other control
 * characters (tab, line feed, bell...) are data and are kept exactly.
 */
public final class Text {

    /** How the published JSON Schemas say it for a free-text field: no NUL ... */
    public static final String SCHEMA_PATTERN = "^[^\\u0000]*$";
    /** ... and for a mandatory one: no NUL, and at least one character that is not white space. */
    public static final String SCHEMA_NON_BLANK_PATTERN = "^[^\\u0000]*[^\\u0000\\s][^\\u0000]*$";

    public static final String NUL_RULE = "must not contain the NUL character (U+0000)";
    public static final String SURROGATE_RULE = "must be valid Unicode text (it holds an unpaired surrogate \\uD800-\\uDFFF)";

    private Text() {
    }

    /** Why {@code text} cannot be stored, or {@code null} when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return NUL_RULE;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return SURROGATE_RULE;
            }
        }
        return null;
    }
}
