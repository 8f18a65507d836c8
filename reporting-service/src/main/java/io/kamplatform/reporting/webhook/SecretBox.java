package io.kamplatform.reporting.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Subscription secrets at rest: AES-GCM with the key {@code kam.webhooks.encryption-key} (base64), a random 96-bit
 * nonce per secret, the subscription id as associated data (a ciphertext copied to another row does not decrypt).
 * Stored as {@code v1:<base64(nonce || ciphertext)>}.
 */
@ApplicationScoped
public class SecretBox {

    /** No key configured: webhooks cannot store or use secrets. */
    public static final class NotConfigured extends IllegalStateException {
        NotConfigured() {
            super("kam.webhooks.encryption-key (KAM_WEBHOOKS_ENCRYPTION_KEY) is not set: webhook secrets cannot be stored or used");
        }
    }

    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    @Inject
    public SecretBox(WebhookConfig config) {
        this(config.encryptionKey().map(SecretBox::key).orElse(null));
    }

    SecretBox(SecretKey key) {
        this.key = key;
    }

    static SecretKey key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kam.webhooks.encryption-key must be base64", e);
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalArgumentException("kam.webhooks.encryption-key must be 16, 24 or 32 bytes (base64), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean configured() {
        return key != null;
    }

    public String encrypt(String secret, String subscriptionId) {
        requireKey();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a webhook secret", e);
        }
    }

    public String decrypt(String stored, String subscriptionId) {
        requireKey();
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("unknown webhook secret format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not decrypt the secret of webhook subscription " + subscriptionId
                    + " (was kam.webhooks.encryption-key changed?)", e);
        }
    }

    /** A new secret for a subscription created without one: 32 random bytes, base64url. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void requireKey() {
        if (key == null) {
            throw new NotConfigured();
        }
    }
}
