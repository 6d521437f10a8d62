package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteKind;
import java.util.Set;

/** E011: a number for a ballot position where no nomination stands in this unit. */
record NotOnBallotRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E011";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        for (VoteKind kind : in.voteKinds()) {
            if (kind == VoteKind.YES_NO || in.counts().votes(kind) == null) {
                continue;
            }
            Letters l = Letters.of(kind);
            Set<Integer> standing = in.ballot().get(kind);
            in.counts().votes(kind).perNomination().forEach((p, v) -> {
                if (v != null && !standing.contains(p)) {
                    out.add(this, l.nomination(p), l.nomination(p), v, p);
                }
            });
        }
    }
}
