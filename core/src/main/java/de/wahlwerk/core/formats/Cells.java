package de.wahlwerk.core.formats;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Reads typed values from cells and records a problem for anything that is not what it must be. */
final class Cells {

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NEGATIVE = Pattern.compile("-\\d+");
    private static final DateTimeFormatter GERMAN_DATE =
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final String file;
    private final ProblemCollector problems;

    Cells(String file, ProblemCollector problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    ProblemCollector problems() {
        return problems;
    }

    void problem(long line, String column, String code, String... args) {
        problems.add(file, line, column, code, args);
    }

    /**
     * A count (non-negative whole number). Empty means "not reported" and gives null, never 0:
     * published files leave a cell empty when a party did not stand.
     */
    Long count(String value, long line, String column) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (DIGITS.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                problem(line, column, "number-too-large", value);
                return null;
            }
        }
        if (NEGATIVE.matcher(value).matches()) {
            problem(line, column, "negative-number", value);
        } else {
            problem(line, column, "not-a-number", value);
        }
        return null;
    }

    /** A count that must be present. */
    Long requiredCount(String value, long line, String column) {
        if (value == null || value.isEmpty()) {
            problem(line, column, "missing-value");
            return null;
        }
        return count(value, line, column);
    }

    /** A whole number that may be negative (ordering numbers, -4..-1 for system groups). */
    Integer integer(String value, long line, String column) {
        if (value == null || value.isEmpty()) {
            problem(line, column, "missing-value");
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problem(line, column, "not-a-number", value);
            return null;
        }
    }

    /** A date as German files write it: 23.02.2025. */
    LocalDate germanDate(String value, long line, String column) {
        if (value == null || value.isEmpty()) {
            problem(line, column, "missing-value");
            return null;
        }
        try {
            return LocalDate.parse(value, GERMAN_DATE);
        } catch (DateTimeParseException e) {
            problem(line, column, "invalid-date", value);
            return null;
        }
    }

    /** A text that must not be empty. */
    String required(String value, long line, String column) {
        if (value == null || value.isBlank()) {
            problem(line, column, "missing-value");
            return null;
        }
        return value;
    }
}
