package de.wahlwerk.server.entry;

import de.wahlwerk.core.model.UnitKind;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Field-wise sums of the confirmed reports of an election per unit kind, for the "far from the
 * average so far" checks. Kept up to date by reading only the confirmations after the last one
 * seen: re-reading every confirmed report on every submission made a national night quadratic
 * (90,000 units). Confirmation sequence numbers are handed out under a row lock held to commit
 * ({@link ReportStore#confirm}), so they become visible in order and none is skipped; a
 * correction's later number replaces the unit's earlier values. Works the same on every node,
 * since it reads the database, not local events.
 */
@Component
class ConfirmedSums {

    /** Sum of the counting versions of one unit kind and how many units they are; the map is the caller's own copy. */
    record Sum(Map<String, Long> values, int units) {}

    private static final class State {
        long lastSeq;
        /** Catch-ups begun so far, and the number of the last one completed (see {@link #without}). */
        final java.util.concurrent.atomic.AtomicLong begun = new java.util.concurrent.atomic.AtomicLong();
        long completed;
        final Map<Long, UnitKind> kinds = new HashMap<>();
        final Map<Long, Map<String, Long>> byUnit = new HashMap<>();
        final Map<UnitKind, Map<String, Long>> sums = new java.util.EnumMap<>(UnitKind.class);
        final Map<UnitKind, Integer> units = new java.util.EnumMap<>(UnitKind.class);
        /** How many units gave each letter a value: a letter nobody else filled stays absent, not 0. */
        final Map<UnitKind, Map<String, Integer>> givers = new java.util.EnumMap<>(UnitKind.class);
    }

    private final JdbcClient jdbc;
    private final ConcurrentHashMap<Long, State> states = new ConcurrentHashMap<>();

    ConfirmedSums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sum over the counting versions of units of this kind, leaving out one unit (the one being checked). */
    Sum without(long electionId, UnitKind kind, long unitId) {
        State s = states.computeIfAbsent(electionId, e -> new State());
        // A catch-up begun after this call arrived has seen every confirmation committed before it;
        // when one has completed meanwhile, this call does not ask again. On election night dozens
        // of submissions wait here at once; before, each of them read the new confirmations in turn,
        // a database round trip apiece while holding the lock.
        long arrived = s.begun.get();
        synchronized (s) {
            if (s.completed <= arrived) {
                long number = s.begun.incrementAndGet();
                catchUp(electionId, s);
                s.completed = number;
            }
            Map<String, Long> sum = new LinkedHashMap<>(s.sums.getOrDefault(kind, Map.of()));
            Map<String, Integer> givers = new HashMap<>(s.givers.getOrDefault(kind, Map.of()));
            int n = s.units.getOrDefault(kind, 0);
            Map<String, Long> own = s.kinds.get(unitId) == kind ? s.byUnit.get(unitId) : null;
            if (own != null) {
                own.forEach((letter, v) -> {
                    sum.merge(letter, -v, Math::addExact);
                    givers.merge(letter, -1, Integer::sum);
                });
                n--;
            }
            sum.keySet().removeIf(letter -> givers.getOrDefault(letter, 0) <= 0);
            return new Sum(sum, n);
        }
    }

    /**
     * The confirmations after the last one seen: a range of the (election_id, confirmed_seq) index
     * (V12, {@code ReportLookupPlansIT}), not every report of the election.
     */
    static final String SINCE = """
            select r.confirmed_seq, r.unit_id, u.kind, r.values_text
            from quick_report r join reporting_unit u on u.id = r.unit_id
            where r.election_id = :e and r.confirmed_seq > :s order by r.confirmed_seq""";

    private void catchUp(long electionId, State s) {
        jdbc.sql(SINCE).param("e", electionId).param("s", s.lastSeq)
                .query((rs, i) -> {
                    long unit = rs.getLong(2);
                    UnitKind kind = UnitKind.valueOf(rs.getString(3));
                    Map<String, Long> values = new HashMap<>();
                    ReportValues.decode(rs.getString(4)).forEach((l, v) -> {
                        if (v != null) {
                            values.put(l, v);
                        }
                    });
                    Map<String, Long> sum = s.sums.computeIfAbsent(kind, k -> new HashMap<>());
                    Map<String, Integer> givers = s.givers.computeIfAbsent(kind, k -> new HashMap<>());
                    Map<String, Long> before = s.byUnit.put(unit, values);
                    if (before != null) {
                        before.forEach((l, v) -> {
                            sum.merge(l, -v, Math::addExact);
                            givers.merge(l, -1, Integer::sum);
                        });
                    }
                    values.forEach((l, v) -> {
                        sum.merge(l, v, Math::addExact);
                        givers.merge(l, 1, Integer::sum);
                    });
                    if (s.kinds.put(unit, kind) == null) {
                        s.units.merge(kind, 1, Integer::sum);
                    }
                    s.lastSeq = Math.max(s.lastSeq, rs.getLong(1));
                    return null;
                }).list();
    }
}
