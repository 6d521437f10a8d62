package de.wahlwerk.server.support;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON for a declared body type with every field spoilt one way; nested records and lists are followed two levels. */
public final class JsonJunk {

    private JsonJunk() {}

    /** How a JSON body's fields are spoilt. */
    public enum Junk {
        /** Every field of another type: a word for a number, an object for a text, a number for a list. */
        WRONG_TYPE,
        /** Every field out of range: beyond a long, negative, an impossible date, an unknown enum constant, 10,000 characters. */
        OUT_OF_RANGE,
        /** Every field present and null. */
        NULL,
        /** Every field empty: "", [], {}. */
        EMPTY
    }

    public static String of(Type type, Junk junk, int depth) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return "null";
        }
        if (raw.isRecord()) {
            if (depth > 2 && junk != Junk.WRONG_TYPE) {
                return "{}";
            }
            return java.util.Arrays.stream(raw.getRecordComponents())
                    .map(c -> "\"" + c.getName() + "\":" + value(c.getGenericType(), junk, depth + 1))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return value(type, junk, depth);
    }

    private static String value(Type type, Junk junk, int depth) {
        Class<?> raw = rawClass(type);
        if (junk == Junk.NULL) {
            return "null";
        }
        boolean number = raw != null && (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != boolean.class));
        boolean bool = raw == boolean.class || raw == Boolean.class;
        boolean text = raw == String.class || raw == Character.class || raw == char.class;
        boolean temporal = raw != null && java.time.temporal.Temporal.class.isAssignableFrom(raw);
        boolean collection = raw != null && (Collection.class.isAssignableFrom(raw) || raw.isArray());
        boolean map = raw != null && Map.class.isAssignableFrom(raw);
        return switch (junk) {
            case WRONG_TYPE -> number || bool || temporal ? "\"x\"" : text ? "{\"a\":1}" : collection ? "7" : map ? "[1]" : "\"x\"";
            case EMPTY -> number ? "\"\"" : bool ? "\"\"" : text || temporal ? "\"\"" : collection ? "[]" : map ? "{}"
                    : raw != null && raw.isEnum() ? "\"\"" : raw != null && raw.isRecord() ? "{}" : "\"\"";
            case OUT_OF_RANGE -> {
                if (number) {
                    yield raw == double.class || raw == Double.class ? "1e999" : "-99999999999999999999";
                }
                if (text) {
                    yield "\"" + "Ä".repeat(10_000) + "\\u0000\"";
                }
                if (temporal) {
                    yield "\"2025-02-30\"";
                }
                if (raw != null && raw.isEnum()) {
                    yield "\"GIBT_ES_NICHT\"";
                }
                if (collection) {
                    Type element = elementType(type);
                    String one = element == null ? "null" : of(element, junk, depth + 1);
                    yield "[" + one + "," + one + "]";
                }
                if (map) {
                    yield "{\"\":\"" + "x".repeat(2_000) + "\",\"-1\":-99999999999999999999}";
                }
                if (raw != null && raw.isRecord()) {
                    yield of(raw, junk, depth + 1);
                }
                yield "\"x\"";
            }
            case NULL -> "null";
        };
    }

    private static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static Type elementType(Type t) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        if (t instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        return null;
    }
}
