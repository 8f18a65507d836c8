package io.kamplatform.reporting.projection;

import io.kamplatform.reporting.store.IncomingFact;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a Kafka record in CloudEvents binary mode as an {@link IncomingFact}. Strict about what every report
 * needs (account key, ce_id with its ce_source — ids are unique per source only —, ce_type, ce_time, a JSON object as
 * data) and lenient about everything else, so producers can add types and fields before this service knows them.
 * The stream position (ce_streamid, ce_streamversion) is optional: older producers do not send the stream id, and
 * a record without a usable position is stored without gap tracking.
 */
@ApplicationScoped
public class CloudEventRecordReader {

    private final ObjectMapper mapper;

    public CloudEventRecordReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public IncomingFact read(ConsumerRecord<String, String> record) {
        String accountId = record.key();
        if (accountId == null || accountId.isBlank()) {
            throw new UnreadableRecordException("no record key: the key must be the account id");
        }
        String eventId = required(record, "ce_id");
        String source = required(record, "ce_source");
        String type = required(record, "ce_type");
        OffsetDateTime occurredAt = time(record, "ce_time", true);
        if (record.value() == null) {
            throw new UnreadableRecordException("no value: the event data must be a JSON object");
        }
        requireJsonObject(record.value());
        Long streamVersion = streamVersion(header(record, "ce_streamversion"));
        String streamId = header(record, "ce_streamid");
        if (streamId != null && streamId.isBlank()) {
            streamId = null;
        }
        return new IncomingFact(eventId, accountId, type, source, record.topic(), record.partition(), record.offset(),
                streamId, streamVersion, occurredAt, time(record, "ce_recordedtime", false), record.value());
    }

    /**
     * The value must be one JSON object. Checked by reading its tokens, without building a tree: the data is stored as
     * text, so a tree per record was work thrown away (1.2 M of them in a replay); the syntax rules are the parser's either way.
     */
    private void requireJsonObject(String value) {
        try (JsonParser parser = mapper.getFactory().createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableRecordException("the value is not a JSON object");
            }
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException("the value is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A version is 1, 2, 3, ...; anything else is no position at all (kept, not tracked). */
    private static Long streamVersion(String value) {
        try {
            long version = value == null ? 0 : Long.parseLong(value.trim());
            return version >= 1 ? version : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableRecordException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static OffsetDateTime time(ConsumerRecord<String, String> record, String name, boolean required) {
        String value = required ? required(record, name) : header(record, name);
        if (value == null) {
            return null;
        }
        try {
            return EventTime.parse(value);
        } catch (DateTimeParseException e) {
            if (required) {
                throw new UnreadableRecordException("header " + name + " is not an RFC 3339 time: " + value);
            }
            return null;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
