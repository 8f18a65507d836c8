package io.kamplatform.crmimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Event and contract ids derived from CRM row ids, so that importing the same row again posts the same ids. */
final class EventIds {

    private EventIds() {
    }

    /** The CRM id itself when it is short and plain, else its plain part cut at 40 plus a hash of the whole id. */
    static String safeId(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9._:@-]", "_");
        if (cleaned.length() <= 56 && cleaned.equals(id)) {
            return cleaned;
        }
        return cleaned.substring(0, Math.min(cleaned.length(), 40)) + "-" + hash(id, 6);
    }

    /** An event id of at most 128 characters: longer ones keep 115 and a hash of the whole. */
    static String bounded(String eventId) {
        return eventId.length() <= 128 ? eventId : eventId.substring(0, 115) + "-" + hash(eventId, 6);
    }

    static String contractId(String safeId) {
        String id = "crm-" + safeId;
        return Character.isLetterOrDigit(id.charAt(0)) ? id : "c" + id;
    }

    /** The first {@code bytes} bytes of the SHA-256 of the text, in hex. */
    static String hash(String text, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
