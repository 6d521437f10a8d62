package de.wahlwerk.server.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;

/** Finds the JSON property a parse error is about, so the error can name the field. */
final class JsonPaths {

    private JsonPaths() {}

    static String fieldOf(HttpMessageNotReadableException e) {
        Throwable t = e.getCause();
        while (t != null) {
            if (t instanceof DatabindException de && !de.getPath().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (var ref : de.getPath()) {
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
            t = t.getCause();
        }
        return null;
    }
}
