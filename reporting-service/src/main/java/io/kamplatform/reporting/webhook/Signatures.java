package io.kamplatform.reporting.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery (README "Webhooks", "Verifying a delivery"): header
 * {@value #HEADER}{@code : t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. The timestamp is signed
 * with the body, so a receiver that refuses old timestamps refuses replays.
 */
public final class Signatures {

    public static final String HEADER = "KAM-Signature";
    public static final String DELIVERY_ID_HEADER = "KAM-Delivery-Id";
    public static final String EVENT_TYPE_HEADER = "KAM-Event-Type";

    private Signatures() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
