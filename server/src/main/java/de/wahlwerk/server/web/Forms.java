package de.wahlwerk.server.web;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The one way every admin form is handled: if the input passed the annotations, try the action;
 * rules the service enforces come back as field errors on the same form. Either the action
 * succeeds and we redirect, or the form is shown again with every problem at its field and
 * nothing stored.
 */
@Component
public class Forms {

    private final Problems problems;

    public Forms(Problems problems) {
        this.problems = problems;
    }

    /** @param action returns the redirect target on success */
    public String submit(BindingResult binding, Supplier<String> action, String formView) {
        if (binding.hasErrors()) {
            return formView;
        }
        try {
            return action.get();
        } catch (InvalidInputException e) {
            problems.bind(e.problems(), binding);
            return formView;
        }
    }
}
