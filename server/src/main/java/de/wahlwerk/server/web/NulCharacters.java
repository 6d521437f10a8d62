package de.wahlwerk.server.web;

import java.beans.PropertyEditorSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Texts with a NUL character (U+0000) are refused where they are read, naming the field: no
 * PostgreSQL text column stores one, and such a text arrives only from a copied binary file or a
 * broken script. A JSON property gets 400 with its path ({@link ApiErrorHandler}), a form field
 * the form again with that field marked ({@code typeMismatch.java.lang.String}). What slips past
 * both is still answered with 400 when the database refuses it ({@link UnstorableText}).
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

    /** Spring Boot registers every Jackson module bean with the application's JSON mapper. */
    @Bean
    SimpleModule refuseNulInJsonText() {
        return new SimpleModule("refuse-nul-in-text").addDeserializer(String.class, new Refusing());
    }

    static boolean contains(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Whether a request failed because a text held a NUL character (JSON or a bound field), however Spring wrapped it. */
    static boolean causedBy(Throwable e) {
        Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
        return cause instanceof NulInText || cause instanceof NulInField;
    }

    /** Jackson's own string reading, then the check. */
    static final class Refusing extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (contains(text)) {
                throw new NulInText(p);
            }
            return text;
        }
    }

    /** The parse error the API's answer recognises (its path names the field). */
    static final class NulInText extends MismatchedInputException {

        NulInText(JsonParser p) {
            super(p, "text with a NUL character", String.class);
        }
    }

    /** The binding error of a form field or query parameter whose text holds a NUL character. */
    static final class NulInField extends IllegalArgumentException {

        NulInField() {
            super("text with a NUL character");
        }
    }

    /** Form fields and query parameters bound to text: a NUL character is a binding error of that field. */
    @ControllerAdvice
    static class FormFields {

        @InitBinder
        void refuseNul(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    if (contains(text)) {
                        throw new NulInField();
                    }
                    setValue(text);
                }
            });
        }
    }
}
