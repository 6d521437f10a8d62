package de.wahlwerk.server.register;

import de.wahlwerk.core.formats.ImportProblem;
import java.util.List;

/** A register or street-index file was rejected; nothing was stored (the transaction rolled back). */
class RegisterImportRejected extends RuntimeException {

    private final transient List<ImportProblem> problems;

    RegisterImportRejected(List<ImportProblem> problems) {
        super(problems.size() + " problem(s), first: " + problems.getFirst());
        this.problems = List.copyOf(problems);
    }

    List<ImportProblem> problems() {
        return problems;
    }
}
