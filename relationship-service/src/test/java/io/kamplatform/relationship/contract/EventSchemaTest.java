package io.kamplatform.relationship.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kamplatform.kit.json.Text;
import io.kamplatform.kit.money.Money;
import io.kamplatform.kit.testing.contract.EventSchemaContract;
import io.kamplatform.kit.testing.contract.PublishedEvents;
import io.kamplatform.relationship.domain.contract.ConcessionGranted;
import io.kamplatform.relationship.domain.contract.ConcessionKind;
import io.kamplatform.relationship.domain.contract.ContractAmended;
import io.kamplatform.relationship.store.EventFamily;
import io.kamplatform.relationship.store.RelationshipEventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schemas accept what the service writes and refuse what it never writes: the kit's
 * {@link EventSchemaContract} for every type, plus the relationship and contract events' own cases, among them that
 * each schema mirrors its record and the record's Bean Validation.
 */
class EventSchemaTest extends EventSchemaContract<Object, RelationshipEventType> {

    EventSchemaTest() {
        super(RelationshipEvents.PUBLISHED);
    }

    @Override
    protected List<Object> withOptionalFieldsLeftOut() {
        return RelationshipEventSamples.withOptionalFieldsLeftOut();
    }

    @Override
    protected int schemasInliningMoney() {
        return 4;
    }

    /**
     * The schema has exactly the record's components as properties; required exactly when Bean Validation makes them
     * non-null (or they are primitives), nullable otherwise; enums, sizes and id patterns as annotated.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RelationshipEventType.class)
    void schemaMirrorsTheRecordAndItsBeanValidation(RelationshipEventType type) {
        JsonNode schema = published.readSchemaFile(type);
        assertMirrors(type.typeName(), type.eventClass(), schema, schema);
    }

    private static void assertMirrors(String where, Class<?> record, JsonNode schema, JsonNode root) {
        assertThat(record.isRecord()).as("%s is a record", record).isTrue();
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as("properties of %s", where).containsExactlyElementsOf(components);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (RecordComponent component : record.getRecordComponents()) {
            String at = where + "." + component.getName();
            Method accessor = component.getAccessor();
            JsonNode property = schema.path("properties").path(component.getName());
            boolean mandatory = component.getType().isPrimitive() || accessor.isAnnotationPresent(NotNull.class)
                    || accessor.isAnnotationPresent(NotBlank.class) || accessor.isAnnotationPresent(NotEmpty.class);
            assertThat(required.contains(component.getName())).as("%s required", at).isEqualTo(mandatory);
            List<String> types = new ArrayList<>();
            if (property.path("type").isArray()) {
                property.path("type").forEach(t -> types.add(t.asText()));
            } else if (property.has("type")) {
                types.add(property.path("type").asText());
            }
            if (!property.has("type")) {
                // Money: allOf [$ref Money, non-negative]
                assertThat(component.getType()).as(at).isEqualTo(Money.class);
                assertThat(mandatory).as("%s: a $ref'd object is mandatory", at).isTrue();
                continue;
            }
            assertThat(types.contains("null")).as("%s accepts null", at).isEqualTo(!mandatory);
            Size size = accessor.getAnnotation(Size.class);
            if (component.getType() == String.class) {
                assertThat(types).as(at).contains("string");
                Pattern pattern = accessor.getAnnotation(Pattern.class);
                if (pattern != null) {
                    assertThat(property.path("pattern").asText()).as("%s pattern", at).isEqualTo("^" + pattern.regexp() + "$");
                } else {
                    assertThat(property.path("maxLength").asInt()).as("%s maxLength", at).isEqualTo(size.max());
                    int min = accessor.isAnnotationPresent(NotBlank.class) ? 1 : size.min();
                    assertThat(property.path("minLength").asInt(0)).as("%s minLength", at).isEqualTo(min);
                    assertThat(property.path("pattern").asText(null)).as("%s not blank", at)
                            .isEqualTo(accessor.isAnnotationPresent(NotBlank.class) ? Text.SCHEMA_NON_BLANK_PATTERN : Text.SCHEMA_PATTERN);
                }
            } else if (component.getType().isEnum()) {
                List<String> values = new ArrayList<>();
                property.path("enum").forEach(v -> values.add(v.isNull() ? null : v.asText()));
                List<String> expected = new ArrayList<>(Arrays.stream(component.getType().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).toList());
                if (!mandatory) {
                    expected.add(null);
                }
                assertThat(values).as("%s enum", at).containsExactlyElementsOf(expected);
            } else if (Set.class.isAssignableFrom(component.getType()) || List.class.isAssignableFrom(component.getType())) {
                assertThat(types).as(at).contains("array");
                assertThat(property.path("uniqueItems").asBoolean()).as("%s uniqueItems", at)
                        .isEqualTo(Set.class.isAssignableFrom(component.getType()));
                if (size != null) {
                    assertThat(property.path("maxItems").asInt()).as("%s maxItems", at).isEqualTo(size.max());
                }
                assertThat(property.path("minItems").asInt(0)).as("%s minItems", at)
                        .isEqualTo(accessor.isAnnotationPresent(NotEmpty.class) ? 1 : size == null ? 0 : size.min());
            } else if (component.getType() == int.class) {
                assertThat(types).as(at).containsExactly("integer");
            } else if (component.getType() == boolean.class) {
                assertThat(types).as(at).containsExactly("boolean");
            }
        }
    }

    @Test
    void supplierParticipantMirrorsItsRecord() {
        JsonNode schema = published.readSchemaFile(RelationshipEventType.INTERACTION_RECORDED);
        assertMirrors("SupplierParticipant", io.kamplatform.relationship.domain.relationship.SupplierParticipant.class,
                schema.at("/$defs/SupplierParticipant"), schema);
    }

    @Test
    void optionalFieldsMayAlsoBeAbsent() {
        assertThat(published.validate("ContactAdded",
                "{\"contactId\":\"c-1\",\"name\":\"Ann\",\"buyingRoles\":[],\"level\":\"OPERATIONAL\"}")).isEmpty();
        assertThat(published.validate("ContactUpdated", "{\"contactId\":\"c-1\",\"level\":\"EXECUTIVE\"}")).isEmpty();
        assertThat(published.validate("ContactLeft", "{\"contactId\":\"c-1\"}")).isEmpty();
        assertThat(published.validate("InteractionRecorded", "{\"interactionId\":\"i-1\",\"kind\":\"CALL\","
                + "\"contactIds\":[\"c-1\"],\"supplierParticipants\":[{\"participantId\":\"u-1\",\"function\":\"SALES\"}],"
                + "\"twoWay\":true}")).isEmpty();
        assertThat(published.validate("ContractTerminated", "{\"contractId\":\"CTR-1\",\"reason\":\"x\"}")).isEmpty();
        assertThat(published.validate("ConcessionGranted", "{\"contractId\":\"CTR-1\",\"concessionId\":\"C-1\","
                + "\"kind\":\"REBATE\",\"value\":{\"amount\":\"0\",\"currency\":\"EUR\"}}")).isEmpty();
    }

    @Test
    void setsMayComeInAnyOrder() {
        ObjectNode contact = (ObjectNode) PublishedEvents.golden("ContactAdded").deepCopy();
        contact.putArray("buyingRoles").add("SPONSOR").add("DECIDER");
        assertThat(published.validate("ContactAdded", contact)).isEmpty();
        ObjectNode interaction = (ObjectNode) PublishedEvents.golden("InteractionRecorded").deepCopy();
        interaction.putArray("contactIds").add("c-4712").add("c-4711");
        assertThat(published.validate("InteractionRecorded", interaction)).isEmpty();
    }

    /** Every amount Money can hold within its Bean Validation limits, written as Java's BigDecimal.toString(). */
    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "1250.50", "87500.2500", "123456789012345.1234", "999999999999999",
            "1.00000", "1E+3", "1.5E+14", "0E-10", "0.0000000", "0.000000", "0.0001000"})
    void everyAmountTheServiceCanWriteConforms(String amount) {
        Money value = new Money(new BigDecimal(amount), "EUR");
        String json = published.encode(new ConcessionGranted("CTR-1", "CON-1", ConcessionKind.REBATE, value, null));
        assertThat(published.validate("ConcessionGranted", json)).as(json).isEmpty();
        JsonNode shared = published.readSchemaFile(RelationshipEvents.schemaPath(EventFamily.CONTRACT), "Money.json");
        assertThat(PublishedEvents.tree(json).at("/value/amount").asText()).matches(shared.at("/properties/amount/pattern").asText());
    }

    /** Every margin within @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4), as Jackson writes it. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "18.5", "18.50", "-2.5", "100", "-100", "100.0000", "99.9999", "-99.9999", "1E+1", "0E-10", "33.3333"})
    void everyMarginTheServiceCanWriteConforms(String margin) {
        String json = published.encode(new ContractAmended("CTR-1", RelationshipEventSamples.eur("100"),
                RelationshipEventSamples.eur("120"), new BigDecimal(margin), "price review"));
        assertThat(published.validate("ContractAmended", json)).as(json).isEmpty();
    }

    @Override
    protected Stream<Arguments> invalidSamples() {
        return Stream.of(
                invalid("ContactAdded", "missing contact id", d -> d.remove("contactId")),
                invalid("ContactAdded", "contact id with a space", d -> d.put("contactId", "c 1")),
                invalid("ContactAdded", "contact id starting with a separator", d -> d.put("contactId", "-c1")),
                invalid("ContactAdded", "contact id longer than 64", d -> d.put("contactId", "c" + "1".repeat(64))),
                invalid("ContactAdded", "blank name", d -> d.put("name", "  ")),
                invalid("ContactAdded", "name longer than 200", d -> d.put("name", "n".repeat(201))),
                invalid("ContactAdded", "null buying roles", d -> d.putNull("buyingRoles")),
                invalid("ContactAdded", "missing buying roles", d -> d.remove("buyingRoles")),
                invalid("ContactAdded", "unknown buying role", d -> d.putArray("buyingRoles").add("CHAMPION")),
                invalid("ContactAdded", "duplicate buying role", d -> d.putArray("buyingRoles").add("BUYER").add("BUYER")),
                invalid("ContactAdded", "null buying role", d -> d.putArray("buyingRoles").addNull()),
                invalid("ContactAdded", "buying roles as a string", d -> d.put("buyingRoles", "DECIDER")),
                invalid("ContactAdded", "null level", d -> d.putNull("level")),
                invalid("ContactAdded", "lower-case level", d -> d.put("level", "executive")),
                invalid("ContactAdded", "function longer than 100", d -> d.put("function", "f".repeat(101))),
                invalid("ContactAdded", "unknown field", d -> d.put("email", "a@b.c")),
                invalid("ContactUpdated", "nothing changed (all null)",
                        d -> d.putNull("name").putNull("buyingRoles").putNull("level").putNull("function")),
                invalid("ContactUpdated", "nothing changed (only the id)", d -> d.retain("contactId")),
                invalid("ContactUpdated", "empty name", d -> d.put("name", "")),
                invalid("ContactUpdated", "empty function", d -> d.put("function", "")),
                invalid("ContactUpdated", "unknown level", d -> d.put("level", "BOARD")),
                invalid("ContactUpdated", "missing contact id", d -> d.remove("contactId")),
                invalid("ContactLeft", "reason longer than 2000", d -> d.put("reason", "r".repeat(2001))),
                invalid("ContactLeft", "an empty object", ObjectNode::removeAll),
                invalid("InteractionRecorded", "unknown kind", d -> d.put("kind", "DINNER")),
                invalid("InteractionRecorded", "two-way without contacts", d -> d.putArray("contactIds")),
                invalid("InteractionRecorded", "null contact ids", d -> d.putNull("contactIds")),
                invalid("InteractionRecorded", "duplicate contact id", d -> d.putArray("contactIds").add("c-1").add("c-1")),
                invalid("InteractionRecorded", "bad contact id", d -> d.putArray("contactIds").add("c 1")),
                invalid("InteractionRecorded", "more than 100 contacts", d -> {
                    var ids = d.putArray("contactIds");
                    for (int i = 0; i <= 100; i++) {
                        ids.add("c-" + i);
                    }
                }),
                invalid("InteractionRecorded", "no supplier participant", d -> d.putArray("supplierParticipants")),
                invalid("InteractionRecorded", "participant without function",
                        d -> ((ObjectNode) d.get("supplierParticipants").get(0)).remove("function")),
                invalid("InteractionRecorded", "participant with unknown function",
                        d -> ((ObjectNode) d.get("supplierParticipants").get(0)).put("function", "LEGAL")),
                invalid("InteractionRecorded", "participant with bad id",
                        d -> ((ObjectNode) d.get("supplierParticipants").get(0)).put("participantId", "")),
                invalid("InteractionRecorded", "participant with unknown field",
                        d -> ((ObjectNode) d.get("supplierParticipants").get(0)).put("role", "lead")),
                invalid("InteractionRecorded", "participant name longer than 200",
                        d -> ((ObjectNode) d.get("supplierParticipants").get(0)).put("name", "n".repeat(201))),
                invalid("InteractionRecorded", "two-way as a string", d -> d.put("twoWay", "true")),
                invalid("InteractionRecorded", "missing two-way", d -> d.remove("twoWay")),
                invalid("InteractionRecorded", "unknown sentiment", d -> d.put("sentiment", "HAPPY")),
                invalid("InteractionRecorded", "summary longer than 2000", d -> d.put("summary", "s".repeat(2001))),
                invalid("InteractionRecorded", "due date not a date", d -> d.put("followUpDueOn", "2026-02-30")),
                invalid("InteractionRecorded", "due date with a time", d -> d.put("followUpDueOn", "2026-02-15T10:00:00Z")),
                invalid("InteractionRecorded", "due date as [y, m, d]", d -> d.putArray("followUpDueOn").add(2026).add(2).add(15)),
                invalid("FollowUpCompleted", "missing interaction id", d -> d.remove("interactionId")),
                invalid("FollowUpCompleted", "outcome longer than 2000", d -> d.put("outcome", "o".repeat(2001))),
                invalid("ServiceRequestOpened", "SLA of 0 hours", d -> d.put("slaHours", 0)),
                invalid("ServiceRequestOpened", "SLA over a year", d -> d.put("slaHours", 8761)),
                invalid("ServiceRequestOpened", "fractional SLA", d -> d.put("slaHours", 1.5)),
                invalid("ServiceRequestOpened", "SLA as a string", d -> d.put("slaHours", "24")),
                invalid("ServiceRequestOpened", "missing SLA", d -> d.remove("slaHours")),
                invalid("ServiceRequestOpened", "unknown severity", d -> d.put("severity", "BLOCKER")),
                invalid("ServiceRequestOpened", "blank subject", d -> d.put("subject", " ")),
                invalid("ServiceRequestOpened", "subject longer than 500", d -> d.put("subject", "s".repeat(501))),
                invalid("ServiceRequestResolved", "missing request id", d -> d.remove("requestId")),
                invalid("ComplaintRaised", "null severity", d -> d.putNull("severity")),
                invalid("ComplaintRaised", "missing subject", d -> d.remove("subject")),
                invalid("ComplaintResolved", "resolution longer than 2000", d -> d.put("resolution", "r".repeat(2001))),
                invalid("CompetitorActivityObserved", "unknown threat", d -> d.put("threat", "CRITICAL")),
                invalid("CompetitorActivityObserved", "blank competitor", d -> d.put("competitor", "")),
                invalid("ContractSigned", "missing contract id", d -> d.remove("contractId")),
                invalid("ContractSigned", "start not a date", d -> d.put("startsOn", "01.01.2026")),
                invalid("ContractSigned", "null end", d -> d.putNull("endsOn")),
                invalid("ContractSigned", "amount as a JSON number", d -> money(d, "annualValue").put("amount", 1200000.0)),
                invalid("ContractSigned", "negative annual value", d -> money(d, "annualValue").put("amount", "-1")),
                invalid("ContractSigned", "more than 4 fraction digits", d -> money(d, "listValue").put("amount", "1.23456")),
                invalid("ContractSigned", "more than 15 integer digits", d -> money(d, "listValue").put("amount", "1234567890123456")),
                invalid("ContractSigned", "amount with a thousands separator", d -> money(d, "listValue").put("amount", "1,500,000")),
                invalid("ContractSigned", "scientific amount", d -> money(d, "listValue").put("amount", "1.5E+6")),
                invalid("ContractSigned", "lower-case currency", d -> money(d, "listValue").put("currency", "eur")),
                invalid("ContractSigned", "money without currency", d -> money(d, "listValue").remove("currency")),
                invalid("ContractSigned", "unknown money field", d -> money(d, "listValue").put("negative", false)),
                invalid("ContractSigned", "margin above 100", d -> d.put("expectedMarginPct", 100.5)),
                invalid("ContractSigned", "margin below -100", d -> d.put("expectedMarginPct", -101)),
                invalid("ContractSigned", "margin as a string", d -> d.put("expectedMarginPct", "18.5")),
                invalid("ContractSigned", "null margin", d -> d.putNull("expectedMarginPct")),
                invalid("ContractSigned", "blank service level", d -> d.put("serviceLevel", "")),
                invalid("ContractSigned", "service level longer than 100", d -> d.put("serviceLevel", "s".repeat(101))),
                invalid("ContractSigned", "missing preferred supplier", d -> d.remove("preferredSupplier")),
                invalid("ContractRenewed", "missing new end", d -> d.remove("newEndsOn")),
                invalid("ContractRenewed", "negative list value", d -> money(d, "listValue").put("amount", "-0.01")),
                invalid("ContractAmended", "missing reason", d -> d.remove("reason")),
                invalid("ContractAmended", "reason longer than 2000", d -> d.put("reason", "r".repeat(2001))),
                invalid("ContractTerminated", "blank reason", d -> d.put("reason", "   ")),
                invalid("ContractTerminated", "effective date not a date", d -> d.put("effectiveOn", "2026-13-01")),
                invalid("ConcessionGranted", "unknown kind", d -> d.put("kind", "GIFT")),
                invalid("ConcessionGranted", "missing concession id", d -> d.remove("concessionId")),
                invalid("ConcessionGranted", "null value", d -> d.putNull("value")),
                invalid("ConcessionGranted", "negative value", d -> money(d, "value").put("amount", "-25000.50")),
                invalid("ConcessionGranted", "note longer than 2000", d -> d.put("note", "n".repeat(2001))));
    }
}
