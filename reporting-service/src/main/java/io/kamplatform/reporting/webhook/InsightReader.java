package io.kamplatform.reporting.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.reporting.projection.UnreadableRecordException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads an insight record (CloudEvents binary mode, key = account id or {@value Insight#PORTFOLIO}) and writes the
 * structured CloudEvent a webhook receives. Strict about what delivery needs (ce_id, ce_source, ce_type, a JSON object
 * as data), lenient about the rest, like the projection's reader.
 */
@ApplicationScoped
public class InsightReader {

    public static final String PING_TYPE = "WebhookPing";

    private final ObjectMapper mapper;

    public InsightReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Insight read(ConsumerRecord<String, String> record) {
        String id = required(record, "ce_id");
        String source = required(record, "ce_source");
        String type = required(record, "ce_type");
        if (record.value() == null) {
            throw new UnreadableRecordException("no value: the insight data must be a JSON object");
        }
        JsonNode data;
        try {
            data = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("the value is not JSON: " + e.getOriginalMessage());
        }
        if (data == null || !data.isObject()) {
            throw new UnreadableRecordException("the value is not a JSON object");
        }
        String accountId = text(data, "accountId");
        String key = record.key();
        String orderingKey = key != null && !key.isBlank() ? key : accountId != null ? accountId : Insight.PORTFOLIO;
        if (accountId == null && !Insight.PORTFOLIO.equals(orderingKey)) {
            accountId = orderingKey;
        }
        return new Insight(id, source, type, header(record, "ce_subject"), header(record, "ce_time"), orderingKey,
                accountId, text(data, "managerId"), text(data, "band"), data);
    }

    /** A test event for one subscription (POST .../ping): type {@value #PING_TYPE}, its own queue {@code ping}. */
    public Insight ping(java.util.UUID subscriptionId) {
        String id = "ping-" + java.util.UUID.randomUUID();
        ObjectNode data = mapper.createObjectNode();
        data.put("subscriptionId", subscriptionId.toString());
        data.put("message", "Test delivery from KAM Platform: the signature and the endpoint work.");
        return new Insight(id, "/kam-platform/reporting-service/webhooks", PING_TYPE, null,
                java.time.Instant.now().toString(), "ping", null, null, null, data);
    }

    /** The body of every delivery of {@code insight}: a CloudEvent in structured mode (application/cloudevents+json). */
    public String body(Insight insight) {
        ObjectNode event = mapper.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", insight.id());
        event.put("source", insight.source());
        event.put("type", insight.type());
        if (insight.subject() != null) {
            event.put("subject", insight.subject());
        }
        if (insight.time() != null) {
            event.put("time", insight.time());
        }
        event.put("datacontenttype", "application/json");
        event.set("data", insight.data());
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableRecordException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
