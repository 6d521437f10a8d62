package de.wahlwerk.server.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamReadException;

/** Finds the JSON property a parse error is about, so the error can name the field. */
final class JsonPaths {

    private JsonPaths() {}

    static String fieldOf(HttpMessageNotReadableException e) {
        Throwable t = e.getCause();
        while (t != null) {
            if (t instanceof JacksonException je) {
                if (!je.getPath().isEmpty()) {
                    return path(je);
                }
                // Low-level errors (a number too large for its field) carry no path, but the parser knows where it is.
                if (je instanceof StreamReadException sre && sre.processor() instanceof JsonParser p) {
                    String name = p.currentName();
                    if (name != null) {
                        return name;
                    }
                }
            }
            t = t.getCause();
        }
        return null;
    }

    private static String path(JacksonException je) {
        StringBuilder sb = new StringBuilder();
        for (var ref : je.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
