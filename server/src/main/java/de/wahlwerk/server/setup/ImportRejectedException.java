package de.wahlwerk.server.setup;

import de.wahlwerk.core.formats.ImportProblem;
import java.util.List;

/** An import that was refused as a whole; nothing of it was stored. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;

    public ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " import problem(s), first: " + problems.getFirst());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
