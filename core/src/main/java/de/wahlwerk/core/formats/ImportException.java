package de.wahlwerk.core.formats;

import java.io.Serial;
import java.util.List;
import java.util.Locale;

/**
 * An import was rejected as a whole. Carries every problem found (up to {@link ProblemCollector#LIMIT}),
 * so that the user can fix a file in one go instead of one error per upload.
 */
public final class ImportException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an ImportException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** All messages, one per line, in the given language. */
    public String messages(Locale locale) {
        StringBuilder sb = new StringBuilder();
        for (ImportProblem p : problems) {
            sb.append(p.message(locale)).append('\n');
        }
        return sb.toString();
    }

    private static String summary(List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return "no problems";
        }
        String first = problems.getFirst().message(Locale.ENGLISH);
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
