package de.wahlwerk.server.web;

/**
 * Input that was right when the page was shown, but someone else's change won meanwhile (two
 * approvers deciding on the same report): answered with 409 and what became of it, so the user
 * reloads and sees the decision instead of repeating theirs. Nothing was stored.
 */
public class ConflictException extends InvalidInputException {

    public ConflictException(FieldProblem problem) {
        super(problem);
    }
}
