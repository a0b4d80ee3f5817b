package org.clinic.appointments.infrastructure.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

/** The JSON values of the ledger's files, read leniently as the earlier system wrote them. */
final class JsonValues {

    private JsonValues() {
    }

    /** The next value as text: strings, numbers and booleans as written; null stays null. */
    static String text(JsonParser parser) {
        return switch (parser.next()) {
            case VALUE_STRING, VALUE_NUMBER -> parser.getString();
            case VALUE_NULL -> null;
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> throw new IllegalArgumentException("expected text, found " + parser.currentEvent());
        };
    }

    static BigDecimal decimal(JsonParser parser) {
        return switch (parser.next()) {
            case VALUE_NUMBER -> parser.getBigDecimal();
            case VALUE_STRING -> parser.getString().isBlank() ? null : new BigDecimal(parser.getString().strip());
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("expected a number, found " + parser.currentEvent());
        };
    }

    static LocalDate date(JsonParser parser) {
        String text = text(parser);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            try {
                return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } catch (NumberFormatException | java.time.DateTimeException notPlain) {
                // the full parser names the problem
            }
        }
        return LocalDate.parse(text.strip());
    }

    /** A JSON value as plain Java: text, BigDecimal, Boolean, null, lists and maps. */
    static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(item -> list.add(plain(item)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((name, item) -> map.put(name, plain(item)));
                yield map;
            }
        };
    }

    /** Plain Java (as {@link #plain} makes it) back as JSON. */
    static JsonValue json(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return Jsonp.PROVIDER.createValue(text);
        }
        if (value instanceof BigDecimal number) {
            return Jsonp.PROVIDER.createValue(number);
        }
        if (value instanceof Number number) {
            return Jsonp.PROVIDER.createValue(new BigDecimal(number.toString()));
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Jsonp.PROVIDER.createObjectBuilder();
            map.forEach((name, item) -> object.add(String.valueOf(name), json(item)));
            return object.build();
        }
        if (value instanceof Iterable<?> items) {
            JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
            items.forEach(item -> array.add(json(item)));
            return array.build();
        }
        return Jsonp.PROVIDER.createValue(value.toString());
    }
}
