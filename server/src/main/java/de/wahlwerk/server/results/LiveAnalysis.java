package de.wahlwerk.server.results;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.projection.Estimate;
import de.wahlwerk.core.projection.Observation;
import de.wahlwerk.core.projection.Projection;
import de.wahlwerk.core.projection.ProjectionInput;
import de.wahlwerk.core.projection.ProjectionUnit;
import de.wahlwerk.core.projection.Projector;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.Ballot;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.core.tally.UnitSpec;
import de.wahlwerk.server.entry.ConfirmedReports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the results page shows beyond the count: the projection (Hochrechnung) of an incomplete
 * area from its confirmed units and their previous results, and the history of the lists' shares
 * over up to five earlier elections whose published results are linked to the election.
 */
@Component
public class LiveAnalysis {

    static final double LEVEL = 0.90;
    static final int HISTORY = 5;

    private final ConfirmedReports confirmed;
    private final TallyStructures structures;
    private final ResultRecords records;
    private final de.wahlwerk.server.setup.SetupDirectory setup;
    /** Ballots by id per election, with the unit keys they were built for (rebuilt when units change). */
    private final ConcurrentHashMap<Long, Ballots> ballots = new ConcurrentHashMap<>();

    private record Ballots(de.wahlwerk.core.tally.TallyStructure structure, Set<String> units, Map<String, Ballot> byId) {}

    LiveAnalysis(ConfirmedReports confirmed, TallyStructures structures, ResultRecords records,
            de.wahlwerk.server.setup.SetupDirectory setup) {
        this.setup = setup;
        this.confirmed = confirmed;
        this.structures = structures;
        this.records = records;
    }

    /** The vote kind that is projected and compared: second votes where there are two. */
    static VoteKind mainKind(Election e) {
        return e.kind().voteKinds().contains(VoteKind.SECOND) ? VoteKind.SECOND : e.kind().voteKinds().getFirst();
    }

    // ------------------------------------------------------------------ projection

    /** One group: counted share (null without valid votes) and projected final share. */
    public record ProjectedRow(String group, Rational counted, Estimate projected) {}

    public record ProjectionView(VoteKind kind, int unitsReported, int unitsExpected, List<ProjectedRow> rows,
            Rational countedTurnout, Estimate turnout, double level) {}

    /** Empty for a complete area, one without reports, or when there is no basis to project from. */
    java.util.Optional<ProjectionView> projection(Election e, Tally tally, AreaSnapshot area) {
        return projection(e, tally, area, earlier(e));
    }

    /** The comparison sources of earlier elections, newest first (one query; the publisher reads it once per round). */
    List<ResultRecords.Source> earlier(Election e) {
        return records.earlier(e.id(), dayDate(e), HISTORY);
    }

    /** As above with the earlier sources given, so that publishing many areas asks the database once. */
    java.util.Optional<ProjectionView> projection(Election e, Tally tally, AreaSnapshot area, List<ResultRecords.Source> earlier) {
        if (area.complete() || area.unitsReported() == 0) {
            return java.util.Optional.empty();
        }
        VoteKind kind = mainKind(e);
        java.util.Optional<Projection> p = projected(e, tally, area, earlier, kind);
        if (p.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<ProjectedRow> rows = p.get().shares().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Estimate> en) -> en.getValue().value()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(en -> new ProjectedRow(en.getKey(), area.all().share(kind, en.getKey()).orElse(null), en.getValue()))
                .toList();
        return java.util.Optional.of(new ProjectionView(kind, p.get().unitsReported(), p.get().unitsExpected(), rows,
                area.all().turnout().orElse(null), p.get().turnout(), LEVEL));
    }

    /** The last projection of one area, and what it was made from. */
    private record Projected(Tally tally, long unitsReported, java.util.Optional<Projection> projection) {}

    private record ProjectedKey(long electionId, AreaRef area) {}

    private final ConcurrentHashMap<ProjectedKey, Projected> projections = new ConcurrentHashMap<>();

    /**
     * How many more of an area's districts must have reported before its projection is made anew:
     * 1 % (at least one), 5 % from a thousand districts on (see {@link #projected}). A method of
     * its own so that a test can state the rule at its edges without reporting thousands of districts.
     */
    static long step(long unitsExpected) {
        return Math.max(1L, unitsExpected / (unitsExpected >= 1_000 ? 20 : 100));
    }

    /**
     * For tests only: the number of reported districts the area's current projection was made
     * from, -1 before any. A reused projection and a new one of the same numbers look alike from
     * outside (without earlier results both are empty), so a test of the reuse reads it here.
     */
    long projectedAt(long electionId, AreaRef area) {
        Projected last = projections.get(new ProjectedKey(electionId, area));
        return last == null ? -1 : last.unitsReported();
    }

    /**
     * The area's projection, made anew once more of its districts have reported: 1 % more (at least
     * one), and 5 % more for an area of a thousand districts or more (a large city, a state, the
     * country). A projection fits every district below its area in exact arithmetic; at 1 %
     * everywhere the page thread of the national replay still had 44 % of all samples, most of them
     * in the fits of the states and the country. A few more districts in a thousand barely move
     * such an estimate with its interval, and the view states the number of districts the
     * projection rests on.
     */
    private java.util.Optional<Projection> projected(Election e, Tally tally, AreaSnapshot area, List<ResultRecords.Source> earlier,
            VoteKind kind) {
        ProjectedKey key = new ProjectedKey(e.id(), area.area().ref());
        Projected last = projections.get(key);
        long reported = area.unitsReported();
        if (last != null && last.tally() == tally && reported >= last.unitsReported()
                && reported - last.unitsReported() < step(area.unitsExpected())) {
            return last.projection();
        }
        java.util.Optional<Projection> p = project(e, tally, area, earlier, kind);
        projections.put(key, new Projected(tally, reported, p));
        return p;
    }

    private java.util.Optional<Projection> project(Election e, Tally tally, AreaSnapshot area, List<ResultRecords.Source> earlier,
            VoteKind kind) {
        ResultRecords.Source source = previousUnitSource(earlier);
        if (source == null) {
            // Without an earlier result there is no swing to apply: every missing district would
            // have nothing to be predicted from, so the projector could only answer "none". Asking
            // it anyway cost the national replay (which has no earlier election) a pass over every
            // reported district of every area, for every round.
            return java.util.Optional.empty();
        }
        List<UnitSpec> units = unitsOf(tally, area.area().ref());
        Previous previous = previous(source, kind);
        Current current = current(e, tally);
        if (missingPollingWithoutBasis(units, previous, current)) {
            // A polling district is missing and none of the area has a previous result under its
            // key (an earlier result kept per constituency only, as kerg2's previous-election
            // columns): the missing one has nothing to be predicted from, and the projector would
            // answer "none" only after reading every reported district (12 % of the page thread in
            // the national replay).
            return java.util.Optional.empty();
        }
        Map<String, Ballot> byId = ballots(e, tally);
        Map<String, List<String>> partners = new HashMap<>();
        for (UnitSpec u : units) {
            if (u.countedWith() != null) {
                partners.computeIfAbsent(u.countedWith(), k -> new ArrayList<>()).add(u.key());
            }
        }
        List<ProjectionUnit> input = new ArrayList<>();
        Set<String> keysHere = units.stream().map(UnitSpec::key).collect(Collectors.toSet());
        for (UnitSpec u : units) {
            if (u.countedWith() != null) {
                continue;
            }
            Observation now = current.observation(byId, u, kind);
            Observation before = null;
            if (u.kind() == UnitKind.POLLING) {
                List<String> with = partners.getOrDefault(u.key(), List.of());
                if (with.isEmpty()) {
                    before = previous.observation(u.key());
                } else {
                    List<Observation> parts = new ArrayList<>();
                    for (String k : concat(u.key(), with)) {
                        Observation o = previous.observation(k);
                        if (o != null) {
                            parts.add(o);
                        }
                    }
                    if (parts.size() == 1 + with.size()) {
                        before = Observation.sum(parts);
                    }
                }
            }
            input.add(new ProjectionUnit(u.key(), u.kind(), now, before));
        }
        // Postal districts are cut anew: the whole previous postal total where the area is the
        // whole election or the municipality the rows name, otherwise those whose keys are in the area.
        boolean whole = area.area().parent() == null;
        String areaKey = area.area().ref().key();
        List<Observation> postal = new ArrayList<>();
        for (Postal p : previous.postal()) {
            if (whole || areaKey.equals(p.row().parentKey()) || keysHere.contains(p.row().key())) {
                postal.add(p.observation());
            }
        }
        Observation postalSum = postal.isEmpty() ? null : Observation.sum(postal);
        try {
            return new Projector(LEVEL).project(new ProjectionInput(input, postalSum));
        } catch (IllegalArgumentException | ArithmeticException ex) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The confirmed counts per unit of one election, brought forward in place. A rebuilt tally (new
     * units, a wiped rehearsal) is a new object, and counts read for another tally are read again.
     */
    private static final class Current {
        final Tally tally;
        final ConcurrentHashMap<String, Counts> counts = new ConcurrentHashMap<>();
        /** A unit's observation with the counts it was made from: reused until they are replaced. */
        final ConcurrentHashMap<String, Seen> observations = new ConcurrentHashMap<>();
        volatile long sequence;

        Current(Tally tally) {
            this.tally = tally;
        }

        /**
         * The unit's confirmed counts as the projection sees them (votes per group), or null while
         * it has not reported. Made once per confirmed version: a large area is projected again
         * and again over the night, and most of its districts have not changed in between.
         */
        Observation observation(Map<String, Ballot> ballots, UnitSpec u, VoteKind kind) {
            Counts c = counts.get(u.key());
            if (c == null) {
                return null;
            }
            Seen seen = observations.get(u.key());
            if (seen != null && seen.counts() == c) {
                return seen.observation();
            }
            Observation o = LiveAnalysis.observation(c, ballots.get(u.ballot()), kind);
            observations.put(u.key(), new Seen(c, o));
            return o;
        }
    }

    private record Seen(Counts counts, Observation observation) {}

    /**
     * Whether a polling district of the area is missing while none has a previous result: the
     * projector's first condition for "no projection" ({@code Projector}: a missing polling
     * district stands for the mean matched one, and there is none), checked without reading counts.
     */
    private static boolean missingPollingWithoutBasis(List<UnitSpec> units, Previous previous, Current current) {
        boolean missing = false;
        for (UnitSpec u : units) {
            if (u.kind() != UnitKind.POLLING || u.countedWith() != null) {
                continue;
            }
            if (previous.observation(u.key()) != null) {
                return false;
            }
            missing |= !current.counts.containsKey(u.key());
        }
        return missing;
    }

    /**
     * An earlier result as the projection reads it, made once per source (imported results do not
     * change): the in-person rows by key, and the postal rows with their observations.
     */
    private record Previous(Map<String, Observation> polling, List<Postal> postal) {

        Observation observation(String key) {
            return polling.get(key);
        }
    }

    /** A postal row of an earlier result with its observation. */
    private record Postal(ResultRecords.Row row, Observation observation) {}

    private record PreviousKey(long source, VoteKind kind) {}

    private final ConcurrentHashMap<PreviousKey, Previous> previous = new ConcurrentHashMap<>();

    private Previous previous(ResultRecords.Source source, VoteKind kind) {
        return previous.computeIfAbsent(new PreviousKey(source.id(), kind), k -> {
            Map<String, ResultRecords.Row> byKey = new HashMap<>();
            List<Postal> postal = new ArrayList<>();
            for (ResultRecords.Row r : records.rows(source.id())) {
                if (isUnitLike(r)) {
                    byKey.putIfAbsent(r.key(), r);
                    if (r.postal()) {
                        postal.add(new Postal(r, observation(r, kind)));
                    }
                }
            }
            Map<String, Observation> polling = new HashMap<>();
            byKey.forEach((key, r) -> {
                if (!r.postal()) {
                    polling.put(key, observation(r, kind));
                }
            });
            return new Previous(polling, List.copyOf(postal));
        });
    }

    private static final int SINCE_BATCH = 5_000;

    private final ConcurrentHashMap<Long, Current> currents = new ConcurrentHashMap<>();

    /**
     * The confirmed counts per unit, at least as new as the tally: a page view during a quiet
     * moment costs no query, a new confirmation costs one query for what was confirmed since. The
     * map is updated in place (copying 90,000 entries for every publication round was most of the
     * projection's cost in the national replay); a projection reads only its area's units, and
     * counts a few confirmations newer than its round serve it as well.
     */
    private Current current(Election e, Tally tally) {
        Current c = currents.get(e.id());
        if (c != null && c.tally == tally && c.sequence >= tally.sequence()) {
            return c;
        }
        synchronized (currents) {
            c = currents.get(e.id());
            if (c == null || c.tally != tally) {
                c = new Current(tally);
                ConfirmedReports.Snapshot all = confirmed.snapshot(e.id());
                for (ConfirmedReports.Version v : all.current()) {
                    c.counts.put(v.unitKey(), FormLetters.toCounts(e.kind(), v.values()));
                }
                c.sequence = all.sequence();
                currents.put(e.id(), c);
            }
            List<ConfirmedReports.Version> batch;
            while (c.sequence < tally.sequence()) {
                batch = confirmed.since(c.sequence, SINCE_BATCH);
                for (ConfirmedReports.Version v : batch) {
                    if (v.electionId() == e.id()) {
                        c.counts.put(v.unitKey(), FormLetters.toCounts(e.kind(), v.values()));
                    }
                    c.sequence = v.sequence();
                }
                if (batch.size() < SINCE_BATCH) {
                    break;
                }
            }
            return c;
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A unit-level row, or a constituency row (kerg2: one unit per constituency, keyed alike). */
    private static boolean isUnitLike(ResultRecords.Row r) {
        return r.level().equals("UNIT") || r.level().equals("CONSTITUENCY");
    }

    /** The newest earlier source with unit-level (or constituency) records, as {@link PreviousTallies} uses. */
    private ResultRecords.Source previousUnitSource(List<ResultRecords.Source> earlier) {
        for (ResultRecords.Source s : earlier) {
            if (records.rows(s.id()).stream().anyMatch(LiveAnalysis::isUnitLike)) {
                return s;
            }
        }
        return null;
    }

    private static Observation observation(Counts c, Ballot ballot, VoteKind kind) {
        Map<String, Long> votes = new TreeMap<>();
        VoteCounts v = c.votes(kind);
        if (v != null && ballot != null) {
            Map<Integer, String> groups = ballot.groups().getOrDefault(kind, Map.of());
            v.perNomination().forEach((pos, n) -> {
                String g = groups.get(pos);
                if (g != null && n != null) {
                    votes.merge(g, n, Long::sum);
                }
            });
        }
        return new Observation(c.eligible() == null ? 0 : c.eligible(), c.voters() == null ? 0 : c.voters(), votes);
    }

    private static Observation observation(ResultRecords.Row r, VoteKind kind) {
        return new Observation(r.postal() || r.eligible() == null ? 0 : r.eligible(), r.voters() == null ? 0 : r.voters(),
                r.votes().getOrDefault(kind, Map.of()));
    }

    // ------------------------------------------------------------------ history

    /** One earlier election; {@code comparable} is false where the area did not exist then. */
    public record HistoryColumn(String label, LocalDate date, boolean comparable) {}

    /** One list's share in each column (null: not comparable or the list did not stand). */
    public record HistoryRow(String group, List<Rational> shares) {}

    public record HistoryView(VoteKind kind, List<HistoryColumn> columns, List<HistoryRow> rows) {}

    HistoryView history(Election e, Tally tally, AreaSnapshot area) {
        return history(e, tally, area, earlier(e));
    }

    HistoryView history(Election e, Tally tally, AreaSnapshot area, List<ResultRecords.Source> earlier) {
        VoteKind kind = mainKind(e);
        List<ResultRecords.Source> sources = new ArrayList<>(earlier);
        java.util.Collections.reverse(sources); // oldest first
        List<HistoryColumn> columns = new ArrayList<>();
        List<Map<String, Long>> votes = new ArrayList<>();
        List<Long> valids = new ArrayList<>();
        List<UnitSpec> units = unitsOf(tally, area.area().ref());
        for (ResultRecords.Source s : sources) {
            ResultRecords.Row sum = areaResult(s, area, units, kind);
            columns.add(new HistoryColumn(s.label(), s.date(), sum != null));
            votes.add(sum == null ? null : sum.votes().getOrDefault(kind, Map.of()));
            valids.add(sum == null ? null : sum.valid().get(kind));
        }
        Map<String, Long> now = area.all().votes(kind);
        List<String> groups = now.entrySet().stream()
                .filter(en -> en.getValue() > 0 || votes.stream().anyMatch(m -> m != null && m.getOrDefault(en.getKey(), 0L) > 0))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
        List<HistoryRow> rows = new ArrayList<>();
        for (String g : groups) {
            List<Rational> shares = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Map<String, Long> m = votes.get(i);
                Long valid = valids.get(i);
                shares.add(m == null || valid == null || valid == 0 || !m.containsKey(g) ? null : Rational.of(m.get(g), valid));
            }
            rows.add(new HistoryRow(g, shares));
        }
        return new HistoryView(kind, columns, rows);
    }

    /**
     * The area's result in a source: its own row (same level and key), or else the sum of the
     * unit rows that name it as their parent (a municipality in votemanager's files, whose
     * districts may have been cut anew), or else the sum of the rows of all its units matched by
     * key (every one must be there). Null where the area did not exist then.
     */
    private ResultRecords.Row areaResult(ResultRecords.Source s, AreaSnapshot area, List<UnitSpec> units, VoteKind kind) {
        List<ResultRecords.Row> rows = records.rows(s.id());
        String level = area.area().level().name();
        String key = area.area().ref().key();
        for (ResultRecords.Row r : rows) {
            if (r.level().equals(level) && r.key().equals(key) && !r.level().equals("UNIT")) {
                return r;
            }
        }
        List<ResultRecords.Row> unitRows = rows.stream().filter(r -> r.level().equals("UNIT")).toList();
        if (unitRows.isEmpty()) {
            return null;
        }
        // A municipality whose districts were cut anew: its unit rows name it as their parent.
        List<ResultRecords.Row> parts = unitRows.stream().filter(r -> key.equals(r.parentKey())).toList();
        if (parts.isEmpty()) {
            Map<String, ResultRecords.Row> byKey = new HashMap<>();
            unitRows.forEach(r -> byKey.putIfAbsent(r.key(), r));
            parts = new ArrayList<>();
            for (UnitSpec u : units) {
                ResultRecords.Row r = byKey.get(u.key());
                if (r == null) {
                    return null;
                }
                parts.add(r);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        long valid = 0;
        boolean validKnown = true;
        Map<String, Long> v = new LinkedHashMap<>();
        for (ResultRecords.Row r : parts) {
            Long rv = r.valid().get(kind);
            if (rv == null) {
                validKnown = false;
            } else {
                valid += rv;
            }
            r.votes().getOrDefault(kind, Map.of()).forEach((g, n) -> v.merge(g, n, Long::sum));
        }
        if (!validKnown) {
            valid = v.values().stream().mapToLong(Long::longValue).sum();
        }
        Map<de.wahlwerk.core.model.VoteKind, Long> validMap = new java.util.EnumMap<>(VoteKind.class);
        validMap.put(kind, valid);
        Map<VoteKind, Map<String, Long>> votesMap = new java.util.EnumMap<>(VoteKind.class);
        votesMap.put(kind, v);
        return new ResultRecords.Row(level, key, null, false, null, null, validMap, votesMap);
    }

    // ------------------------------------------------------------------ helpers

    /** The units whose leaf area in the area's hierarchy lies in the area. */
    static List<UnitSpec> unitsOf(Tally tally, AreaRef area) {
        return UnitIndex.of(tally.structure()).unitsOf(area);
    }

    private Map<String, Ballot> ballots(Election e, Tally tally) {
        Ballots b = ballots.get(e.id());
        if (b != null && b.structure() == tally.structure()) {
            return b.byId(); // the same structure object: no need to compare 90,000 keys per area
        }
        // A new structure (setup changed) may number its ballots differently: build them again.
        Set<String> keys = tally.structure().units().stream().map(UnitSpec::key).collect(Collectors.toSet());
        b = new Ballots(tally.structure(), keys, structures.buildWithBallots(e).ballots());
        ballots.put(e.id(), b);
        return b.byId();
    }

    private LocalDate dayDate(Election e) {
        return dates.computeIfAbsent(e.electionDayId(), id -> setup.day(id).map(de.wahlwerk.core.model.ElectionDay::date).orElse(LocalDate.MAX));
    }

    private final ConcurrentHashMap<Long, LocalDate> dates = new ConcurrentHashMap<>();
}
