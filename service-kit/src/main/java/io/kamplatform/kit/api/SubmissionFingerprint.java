package io.kamplatform.kit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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

    public String of(String streamId, String type, Instant occurredAt, Object data) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("streamId", streamId);
        content.put("type", type);
        content.put("occurredAt", occurredAt.toString());
        content.put("data", data);
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
