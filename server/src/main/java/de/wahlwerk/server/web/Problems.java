package de.wahlwerk.server.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/** Renders field problems in the user's language and copies them into a form's binding result. */
@Component
public class Problems {

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public String message(FieldProblem p) {
        return message(p, LocaleContextHolder.getLocale());
    }

    public String message(FieldProblem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
    }

    /** A message of the bundle in the user's language. */
    public String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** A field's binding error (a value of the wrong kind) in the user's language, naming the field. */
    public String message(org.springframework.validation.FieldError e) {
        return named(e, e.getField(), LocaleContextHolder.getLocale());
    }

    /**
     * A field's binding error under the field's label from the bundle ({@code labels + field}),
     * for forms that list their problems above the fields; the property name where no label exists.
     */
    public String message(org.springframework.validation.FieldError e, String labels) {
        Locale locale = LocaleContextHolder.getLocale();
        return named(e, messages.getMessage(labels + e.getField(), null, e.getField(), locale), locale);
    }

    private String named(org.springframework.validation.FieldError e, String field, Locale locale) {
        return messages.getMessage("error.fieldNamed", new Object[] {field, messages.getMessage(e, locale)}, locale);
    }

    /** Adds the problems to the form so that each shows at its field (or at the top if the field is unknown). */
    public void bind(List<FieldProblem> problems, BindingResult binding) {
        for (FieldProblem p : problems) {
            String text = message(p);
            if (p.field() != null && binding.getTarget() != null
                    && org.springframework.beans.BeanUtils.getPropertyDescriptor(binding.getTarget().getClass(), p.field()) != null) {
                binding.rejectValue(p.field(), p.messageKey(), p.args().toArray(), text);
            } else if (p.field() != null && hasRecordComponent(binding.getTarget(), p.field())) {
                binding.rejectValue(p.field(), p.messageKey(), p.args().toArray(), text);
            } else {
                binding.reject(p.messageKey(), p.args().toArray(), text);
            }
        }
    }

    private static boolean hasRecordComponent(Object target, String field) {
        if (target == null || !target.getClass().isRecord()) {
            return false;
        }
        for (var c : target.getClass().getRecordComponents()) {
            if (c.getName().equals(field)) {
                return true;
            }
        }
        return false;
    }
}
