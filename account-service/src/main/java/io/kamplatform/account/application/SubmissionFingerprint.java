package io.kamplatform.account.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kamplatform.account.domain.AccountEvent;
import io.kamplatform.account.store.AccountEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SHA-256 of a submission in canonical JSON (sorted keys, normalised instant), so a retry with the
 * same content matches however the client ordered or spaced its JSON. The expected version is left
 * out: a client retrying after a lost response still carries the version it saw before the append.
 */
@ApplicationScoped
public class SubmissionFingerprint {

    private final ObjectMapper canonical;

    public SubmissionFingerprint(ObjectMapper mapper) {
        this.canonical = mapper.copy();
        this.canonical.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        this.canonical.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.canonical.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }

    public String of(String accountId, Instant occurredAt, AccountEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("accountId", accountId);
        content.put("type", AccountEventType.of(event).typeName());
        content.put("occurredAt", occurredAt.toString());
        content.put("data", event);
        try {
            byte[] json = canonical.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
