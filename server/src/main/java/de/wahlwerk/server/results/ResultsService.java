package de.wahlwerk.server.results;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Part;
import de.wahlwerk.core.tally.PartTotals;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Results of an election for the office's internal pages: live tally plus comparison. */
@Service
public class ResultsService {

    private final SetupDirectory setup;
    private final LiveTallies tallies;
    private final PreviousTallies previous;
    private final AccessPolicy access;
    private final LiveAnalysis analysis;

    ResultsService(SetupDirectory setup, LiveTallies tallies, PreviousTallies previous, AccessPolicy access,
            LiveAnalysis analysis) {
        this.analysis = analysis;
        this.setup = setup;
        this.tallies = tallies;
        this.previous = previous;
        this.access = access;
    }

    /** The top areas of every hierarchy (where drilling down starts). */
    public List<AreaSnapshot> roots(long electionId) {
        return roots(election(electionId));
    }

    /**
     * For the public site only, which publishes an election after its polls have closed and shows
     * nothing but confirmed reports: the same numbers without a signed-in user.
     */
    public List<AreaSnapshot> rootsForPublication(long electionId) {
        return roots(setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId)));
    }

    /** See {@link #rootsForPublication}. */
    public ResultsView viewForPublication(long electionId, String hierarchy, String key) {
        return view(setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId)),
                hierarchy, key);
    }

    private List<AreaSnapshot> roots(Election e) {
        return tallies.tally(e.id()).snapshots().stream().filter(s -> s.area().parent() == null)
                .sorted(Comparator.comparing((AreaSnapshot s) -> s.area().ref().hierarchy().code())
                        .thenComparing(s -> s.area().ref().key()))
                .toList();
    }

    /**
     * Counts and shares only, without projection and history: the public site's first pass, which
     * publishes the numbers of every area before it renders the pages.
     */
    public ResultsView countsForPublication(long electionId, String hierarchy, String key) {
        return view(setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId)),
                hierarchy, key, false);
    }

    public ResultsView view(long electionId, String hierarchy, String key) {
        return view(election(electionId), hierarchy, key);
    }

    private ResultsView view(Election e, String hierarchy, String key) {
        return view(e, hierarchy, key, true);
    }

    private ResultsView view(Election e, String hierarchy, String key, boolean analysed) {
        if (!Hierarchy.isValidCode(hierarchy)) {
            throw new NotFoundException("area", hierarchy + ":" + key);
        }
        Tally tally = tallies.tally(e.id());
        AreaRef ref = new AreaRef(new Hierarchy(hierarchy), key);
        AreaSnapshot area = tally.snapshots().stream().filter(s -> s.area().ref().equals(ref)).findFirst()
                .orElseThrow(() -> new NotFoundException("area", ref));
        List<AreaSnapshot> children = tally.snapshots().stream()
                .filter(s -> ref.equals(s.area().parent()))
                .sorted(Comparator.comparing(s -> s.area().ref().key()))
                .toList();
        List<AreaSnapshot> path = new ArrayList<>();
        AreaRef up = area.area().parent();
        while (up != null) {
            AreaRef current = up;
            AreaSnapshot s = tally.snapshots().stream().filter(x -> x.area().ref().equals(current)).findFirst().orElse(null);
            if (s == null) {
                break;
            }
            path.addFirst(s);
            up = s.area().parent();
        }
        return build(e, tally, previous.previous(e), analysis.earlier(e), area, children, path, analysed);
    }

    private ResultsView build(Election e, Tally tally, Tally before, List<ResultRecords.Source> earlier, AreaSnapshot area,
            List<AreaSnapshot> children, List<AreaSnapshot> path, boolean analysed) {
        AreaRef ref = area.area().ref();
        AreaSnapshot then = findIn(before, ref);
        boolean comparable = then != null && then.all().unitsReported() == then.all().unitsExpected() && then.all().unitsExpected() > 0;
        List<ResultsView.Row> rows = new ArrayList<>();
        PartTotals all = area.all();
        for (VoteKind kind : e.kind().voteKinds()) {
            Map<String, Long> votes = new LinkedHashMap<>(all.votes(kind));
            votes.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(en -> rows.add(new ResultsView.Row(kind, en.getKey(), en.getValue(),
                            all.share(kind, en.getKey()).orElse(null),
                            comparable ? then.all().share(kind, en.getKey()).orElse(Rational.ZERO) : null)));
        }
        return new ResultsView(e, area, children, path, e.kind().voteKinds(), rows, comparable, tally.sequence(),
                analysed ? analysis.projection(e, tally, area, earlier).orElse(null) : null,
                analysed ? analysis.history(e, tally, area, earlier) : null);
    }

    private static AreaSnapshot findIn(Tally t, AreaRef ref) {
        try {
            return t.snapshot(ref);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * For the public site: one publishing round over a fixed state of the tally. Everything that
     * does not change per area (the previous election's tally, the comparison sources, the area
     * index) is read once here, so that rendering an area asks the database nothing.
     */
    public PublicationRound publicationRound(long electionId) {
        Election e = setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        return new PublicationRound(e, tallies.tally(e.id()), previous.previous(e), analysis.earlier(e));
    }

    /** See {@link #publicationRound}. */
    public final class PublicationRound {
        private final Election election;
        private final Tally tally;
        private final long sequence;
        private final Tally before;
        private final List<ResultRecords.Source> earlier;
        private final Map<AreaRef, AreaSnapshot> byRef = new java.util.HashMap<>();
        private final Map<AreaRef, List<AreaSnapshot>> children = new java.util.HashMap<>();
        private final List<AreaSnapshot> roots = new ArrayList<>();

        private PublicationRound(Election election, Tally tally, Tally before, List<ResultRecords.Source> earlier) {
            this.election = election;
            this.tally = tally;
            // The live tally keeps moving while a round renders (seconds at national scale). The
            // round claims the sequence read before its snapshots, never a later one: otherwise a
            // publisher would record numbers as shown that it never rendered, and skip them for good.
            this.sequence = tally.sequence();
            this.before = before;
            this.earlier = earlier;
            for (AreaSnapshot s : tally.snapshots()) {
                byRef.put(s.area().ref(), s);
                if (s.area().parent() == null) {
                    roots.add(s);
                } else {
                    children.computeIfAbsent(s.area().parent(), k -> new ArrayList<>()).add(s);
                }
            }
            Comparator<AreaSnapshot> byKey = Comparator.comparing(s -> s.area().ref().key());
            children.values().forEach(l -> l.sort(byKey));
            roots.sort(Comparator.comparing((AreaSnapshot s) -> s.area().ref().hierarchy().code()).thenComparing(byKey));
        }

        public Election election() {
            return election;
        }

        /** The tally this round shows. */
        public Tally tally() {
            return tally;
        }

        /** The tally sequence this round shows. */
        public long sequence() {
            return sequence;
        }

        /** The top areas of every hierarchy, as {@link #rootsForPublication}. */
        public List<AreaSnapshot> roots() {
            return roots;
        }

        /** The area's current snapshot in this round's state (identity changes when its numbers do). */
        public AreaSnapshot snapshot(AreaRef ref) {
            return byRef.get(ref);
        }

        /** The view of one area, as {@link #viewForPublication}, without a database query. */
        public ResultsView view(AreaSnapshot area) {
            return build(election, tally, before, earlier, area, children(area), path(area), true);
        }

        /**
         * The area's counts, shares and changes only, without projection and history: what the
         * public JSON holds, at a fraction of the cost (the projection of a state or of the whole
         * country reads every district below it).
         */
        public ResultsView countsView(AreaSnapshot area) {
            return build(election, tally, before, earlier, area, children(area), path(area), false);
        }

        /** The area's sub-areas in this round's state, ordered by key. */
        public List<AreaSnapshot> children(AreaSnapshot area) {
            return children.getOrDefault(area.area().ref(), List.of());
        }

        private List<AreaSnapshot> path(AreaSnapshot area) {
            List<AreaSnapshot> path = new ArrayList<>();
            AreaRef up = area.area().parent();
            while (up != null && byRef.containsKey(up)) {
                AreaSnapshot s = byRef.get(up);
                path.addFirst(s);
                up = s.area().parent();
            }
            return path;
        }
    }

    private Election election(long id) {
        Election e = setup.election(id).orElseThrow(() -> new NotFoundException("election", id));
        access.requireViewDay(e.electionDayId());
        return e;
    }
}
