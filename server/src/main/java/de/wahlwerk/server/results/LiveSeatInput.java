package de.wahlwerk.server.results;

import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Tally;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "If counting stopped now": the confirmed quick reports as they stand in the live tally, turned
 * into the same records a published result gives, so the seat calculation does not care where its
 * votes come from. Only the electoral hierarchy of the election (or the administrative one for
 * councils) is used, so no vote is counted twice.
 */
final class LiveSeatInput {

    private LiveSeatInput() {}

    static List<ResultRecord> records(Tally tally, String hierarchy, List<VoteKind> kinds) {
        List<ResultRecord> records = new ArrayList<>();
        for (AreaSnapshot s : tally.snapshots()) {
            if (!s.area().ref().hierarchy().code().equals(hierarchy)) {
                continue;
            }
            Map<VoteKind, Long> valid = new EnumMap<>(VoteKind.class);
            Map<VoteKind, Map<String, Long>> votes = new EnumMap<>(VoteKind.class);
            for (VoteKind kind : kinds) {
                valid.put(kind, s.all().valid(kind));
                votes.put(kind, new LinkedHashMap<>(s.all().votes(kind)));
            }
            var parent = s.area().parent();
            records.add(new ResultRecord(s.area().level().name(), s.area().ref().key(),
                    parent == null ? null : parent.key(), s.area().ref().key(), valid, votes));
        }
        return records;
    }
}
