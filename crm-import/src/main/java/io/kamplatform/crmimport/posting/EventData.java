package io.kamplatform.crmimport.posting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.regex.Pattern;

/** Small helpers that build event data as the services' JSON schemas want it. */
public final class EventData {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Account, contact, contract, ... ids accepted by both services. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");
    /** Event ids: 1-128 of {@code A-Z a-z 0-9 . _ : @ -}. */
    public static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public static final String CURRENCY = "EUR";

    private EventData() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"amount": "125000.00", "currency": "EUR"}}, the amount always a string with 2 decimals. */
    public static ObjectNode money(BigDecimal amount, String currency) {
        ObjectNode money = MAPPER.createObjectNode();
        money.put("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
        money.put("currency", currency);
        return money;
    }

    public static ObjectNode money(BigDecimal amount) {
        return money(amount, CURRENCY);
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }
}
