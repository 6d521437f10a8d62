package de.wahlwerk.server.entry;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quick-report form of one unit in one election, in the order of the paper form (Anlage 29
 * BWO): roll (A1, A2, A3, A — polling districts only), voters (B, B1), then per vote kind invalid,
 * valid and the votes per nomination in ballot order. First votes use C/D/D1…, second votes
 * E/F/F1…; single-vote elections use C/D/D1….
 */
public record ReportForm(Election election, ReportingUnit unit, List<FormField> fields) {

    public boolean hasRoll() {
        return unit.kind() == UnitKind.POLLING;
    }

    /** The letters that make the invalid/valid/per-nomination block of a vote kind. */
    public static String[] letters(VoteKind kind) {
        return kind == VoteKind.SECOND ? new String[] {"E", "F"} : new String[] {"C", "D"};
    }

    /** Converts entered values (letter → number, null = empty) into the counts the checks and the tally use. */
    public Counts toCounts(Map<String, Long> values) {
        Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
        for (VoteKind kind : election.kind().voteKinds()) {
            String[] l = letters(kind);
            Map<Integer, Long> per = new LinkedHashMap<>();
            for (FormField f : fields) {
                if (f.ballotPosition() != null && !f.isCandidate() && f.letter().startsWith(l[1])
                        && f.section().equals(kind.name())) {
                    per.put(f.ballotPosition(), values.get(f.letter()));
                }
            }
            votes.put(kind, new VoteCounts(values.get(l[0]), values.get(l[1]), per));
        }
        return new Counts(values.get("A1"), values.get("A2"), values.get("A3"), values.get("A"), values.get("B"),
                values.get("B1"), votes);
    }
}
