package de.wahlwerk.server.results;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.Ballot;
import de.wahlwerk.core.tally.LatestReport;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.core.tally.TallyStructure;
import de.wahlwerk.core.tally.UnitSpec;
import de.wahlwerk.server.setup.ResultStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The previous election laid over tonight's structure: each unit's previous result (matched by
 * the unit's key, votes matched by party short name) is added up through the same areas as the
 * live tally. An area is comparable only where every one of its units had a previous result — an
 * area that did not exist before is marked, never filled with invented numbers.
 */
@Component
class PreviousTallies {

    private final ResultStore results;
    private final TallyStructures structures;
    /** Per election: the comparison sources the cached tally was built from, and the tally. */
    private record Cached(java.util.List<Long> sources, Tally tally) {}

    private final ConcurrentHashMap<Long, Cached> cache = new ConcurrentHashMap<>();

    PreviousTallies(ResultStore results, TallyStructures structures) {
        this.results = results;
        this.structures = structures;
    }

    /** Rebuilt when a comparison source was imported or removed since, so new files show at once. */
    Tally previous(Election election) {
        java.util.List<Long> sources = results.sources().stream()
                .filter(s -> s.electionId() != null && s.electionId() == election.id()).map(ResultStore.Source::id).sorted()
                .toList();
        Cached c = cache.get(election.id());
        if (c == null || !c.sources().equals(sources)) {
            c = new Cached(sources, build(election));
            cache.put(election.id(), c);
        }
        return c.tally();
    }

    void forget(long electionId) {
        cache.remove(electionId);
    }

    private Tally build(Election election) {
        var built = structures.buildWithBallots(election);
        TallyStructure structure = built.structure();
        Map<String, Ballot> ballots = built.ballots();
        List<LatestReport> reports = new ArrayList<>();
        Map<String, ResultStore.Stored> previous = results.previousUnits(election.id());
        for (UnitSpec u : structure.units()) {
            if (u.countedWith() != null) {
                continue;
            }
            var stored = previous.get(u.key());
            if (stored == null) {
                continue;
            }
            Ballot ballot = ballots.get(u.ballot());
            Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
            for (VoteKind kind : election.kind().voteKinds()) {
                Long[] iv = stored.invalidValid().get(kind);
                Map<Integer, Long> perPosition = new HashMap<>();
                Map<String, Long> byGroup = stored.votesByGroup().getOrDefault(kind, Map.of());
                ballot.groups().getOrDefault(kind, Map.of()).forEach((position, group) -> {
                    Long v = byGroup.get(group);
                    perPosition.put(position, v == null ? 0L : v);
                });
                // Votes of parties that do not stand tonight stay in the valid total, so shares stay true to then.
                votes.put(kind, new VoteCounts(iv == null ? null : iv[0], iv == null ? null : iv[1], perPosition));
            }
            reports.add(new LatestReport(u.key(), new Counts(stored.eligibleNoCard(), stored.eligibleWithCard(),
                    stored.eligibleAdded(), stored.eligible(), stored.voters(), stored.votersWithCard(), votes)));
        }
        return Tally.rebuild(structure, reports, 0);
    }
}
