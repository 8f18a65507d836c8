package io.kamplatform.reporting.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The receiver's check exactly as README "Webhooks" ("Verifying a delivery", Java) shows it; tests run it. */
public final class ReceiverVerification {

    private ReceiverVerification() {
    }

    // --- begin README snippet ---
    /** True when the delivery is authentic and fresh. body: the raw request body bytes, as received. */
    public static boolean verify(String secret, String signatureHeader, byte[] body, long nowSeconds, long toleranceSeconds) {
        if (signatureHeader == null) {
            return false;
        }
        long t = -1;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("[0-9]{1,12}")) {
                t = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1") && kv[1].matches("[0-9a-f]{64}")) {
                signatures.add(kv[1]);
            }
        }
        if (t < 0 || Math.abs(nowSeconds - t) > toleranceSeconds) {
            return false; // no timestamp, or too old (a replay) or too far ahead
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature))) { // constant time
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
    // --- end README snippet ---
}
