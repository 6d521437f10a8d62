package de.wahlwerk.core.formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the problems of one import. Reading goes on after a problem so that all of them are
 * reported at once; after {@link #LIMIT} the rest are summarised in one last problem, because a
 * file with a wrong layout would otherwise produce one problem per cell.
 */
final class ProblemCollector {

    static final int LIMIT = 100;

    private final List<ImportProblem> problems = new ArrayList<>();
    private long dropped;
    private String lastFile = "";

    void add(ImportProblem problem) {
        lastFile = problem.file();
        if (problems.size() < LIMIT) {
            problems.add(problem);
        } else {
            dropped++;
        }
    }

    void add(String file, long line, String column, String code, String... args) {
        add(ImportProblem.of(file, line, column, code, args));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    /** All problems found so far, also those beyond the limit (to tell whether a step found any). */
    long total() {
        return problems.size() + dropped;
    }

    /** Throws if anything was found: imports are all or nothing. */
    void throwIfAny() throws ImportException {
        if (problems.isEmpty()) {
            return;
        }
        List<ImportProblem> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add(ImportProblem.of(lastFile, 0, null, "too-many-problems", Long.toString(dropped)));
        }
        throw new ImportException(all);
    }
}
