package de.wahlwerk.server.pollworkers;

import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a person's data from the office form or the public sign-up: every problem at its field, nothing stored. */
final class WorkerInputs {

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 /()-]{4,39}");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,4}\\s?[a-zA-Z]?(\\s?[-/]\\s?\\d{1,4}\\s?[a-zA-Z]?)?");

    private WorkerInputs() {}

    /**
     * A field the form could not take at all (a text with a NUL character, the only binding error
     * text fields have), under the field's label: the form is shown again, as with any other problem.
     */
    static List<String> bindingProblems(org.springframework.validation.BindingResult binding,
            de.wahlwerk.server.web.Problems problems) {
        return binding.getFieldErrors().stream().map(e -> problems.message(e, "pollworkers.field.")).toList();
    }

    static void validate(PollWorkerService.WorkerInput in) {
        List<FieldProblem> p = new ArrayList<>();
        text(p, "familyName", in.familyName(), 200);
        text(p, "givenNames", in.givenNames(), 200);
        if (in.birthDate() == null) {
            p.add(FieldProblem.of("birthDate", "pollworkers.error.birthDate"));
        } else if (in.birthDate().isAfter(LocalDate.now()) || in.birthDate().isBefore(LocalDate.now().minusYears(120))) {
            p.add(FieldProblem.of("birthDate", "pollworkers.error.birthDateRange"));
        }
        text(p, "street", in.street(), 200);
        if (in.houseNumber() == null || !HOUSE_NUMBER.matcher(in.houseNumber().strip()).matches()) {
            p.add(FieldProblem.of("houseNumber", "pollworkers.error.houseNumber"));
        }
        if (in.postalCode() == null || !POSTAL_CODE.matcher(in.postalCode().strip()).matches()) {
            p.add(FieldProblem.of("postalCode", "pollworkers.error.postalCode"));
        }
        text(p, "city", in.city(), 100);
        if (blankToNull(in.email()) != null && (in.email().length() > 200 || !EMAIL.matcher(in.email().strip()).matches())) {
            p.add(FieldProblem.of("email", "pollworkers.error.email"));
        }
        if (blankToNull(in.phone()) != null && !PHONE.matcher(in.phone().strip()).matches()) {
            p.add(FieldProblem.of("phone", "pollworkers.error.phone"));
        }
        if (in.wishes() != null && in.wishes().length() > 500) {
            p.add(FieldProblem.of("wishes", "pollworkers.error.tooLong", 500));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
    }

    private static void text(List<FieldProblem> p, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            p.add(FieldProblem.of(field, "pollworkers.error.required"));
        } else if (value.length() > max) {
            p.add(FieldProblem.of(field, "pollworkers.error.tooLong", max));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            p.add(FieldProblem.of(field, "pollworkers.error.characters"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
