package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Candidate;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.ReportingUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The election set-up as entry reads it for every report (election, day, district, its areas and
 * their ancestors, the ballot), kept per version of the set-up (ADR 0009). A national night reads
 * the same few thousand rows a hundred thousand times; here they are read once per version.
 *
 * <p>{@link #view()} reads the version in the caller's transaction, so a view is as current as a
 * read at that moment: entry takes it after the district's lock, and a set-up change that entry
 * waited for is seen. The version is raised at the commit of every transaction that changes the
 * set-up (V13; entry settings since V14), together with the change, so an old set-up is never
 * kept under a new number.
 * Entries read after the version may be newer than it, which is what a direct read would have
 * given too; a newer version starts an empty generation.
 *
 * <p>Only for transactions that do not change the set-up themselves: their own uncommitted
 * changes raise the version only at commit, so a view would not show them.
 */
@Component
public class SetupCache {

    private final JdbcClient jdbc;
    private final ElectionDayStore days;
    private final AreaStore areas;
    private final NominationStore nominations;
    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(Long.MIN_VALUE));
    /** Rows read from the database for views, for tests and the measurements. */
    private final AtomicLong reads = new AtomicLong();

    SetupCache(JdbcClient jdbc, ElectionDayStore days, AreaStore areas, NominationStore nominations) {
        this.jdbc = jdbc;
        this.days = days;
        this.areas = areas;
        this.nominations = nominations;
    }

    /** The set-up as of now, in the caller's transaction (one statement: the version). */
    public SetupView view() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a view of the set-up is taken inside a transaction");
        }
        long version = version();
        Generation g = current.get();
        while (g.version < version) {
            Generation newer = new Generation(version);
            if (current.compareAndSet(g, newer)) {
                g = newer;
            } else {
                g = current.get();
            }
        }
        // A transaction that read an older version than the newest one seen reads past the cache:
        // what it would keep might be older than what the newer generation promises.
        return new SetupView(g.version == version ? g : new Generation(version));
    }

    /**
     * The version of the set-up as committed now; it rises with every committed change of a
     * set-up table (V13, V14). For callers that keep something derived from the set-up themselves.
     */
    public long version() {
        return jdbc.sql("select value from setup_version where id = 1").query(Long.class).single();
    }

    /**
     * Districts read one by one in a version before the rest of their day is read at once. A night
     * asks for every district once (its first report), so one by one cost two statements per
     * district (the district and its areas, a fourteenth of a district's statements); a set-up
     * being edited starts a new version with every change and stays below this.
     */
    static final int UNITS_ONE_BY_ONE = 64;

    /** How many look-ups went to the database; for tests. */
    long reads() {
        return reads.get();
    }

    /** What one version of the set-up holds, filled as it is asked for. */
    private static final class Generation {
        final long version;
        final Map<Long, Election> elections = new ConcurrentHashMap<>();
        final Map<Long, ElectionDay> days = new ConcurrentHashMap<>();
        final Map<Long, ReportingUnit> units = new ConcurrentHashMap<>();
        final Map<Long, Map<String, Area>> unitAreas = new ConcurrentHashMap<>();
        final Map<Long, List<Area>> ancestors = new ConcurrentHashMap<>();
        final Map<List<Long>, List<Nomination>> ballots = new ConcurrentHashMap<>();
        final Map<Long, List<Candidate>> candidates = new ConcurrentHashMap<>();
        final Map<Long, Long> postalUnitCounts = new ConcurrentHashMap<>();
        /** Districts read one by one so far ({@link #UNITS_ONE_BY_ONE}). */
        final java.util.concurrent.atomic.AtomicInteger unitsRead = new java.util.concurrent.atomic.AtomicInteger();
        /** Days whose districts and their areas this version has read at once. */
        final java.util.Set<Long> daysRead = ConcurrentHashMap.newKeySet();
        /** One instance per area, shared by every district's areas and every chain. */
        final Map<Long, Area> areaById = new ConcurrentHashMap<>();
        /** One instance per nomination, shared by every ballot it stands on. */
        final Map<Long, Nomination> nominationById = new ConcurrentHashMap<>();
        /** What callers derive from this version of the set-up ({@link SetupView#derived}). */
        final Map<Object, Object> derived = new ConcurrentHashMap<>();

        Generation(long version) {
            this.version = version;
        }

        Area canonical(Area a) {
            Area before = areaById.putIfAbsent(a.id(), a);
            return before == null ? a : before;
        }

        Nomination canonical(Nomination n) {
            Nomination before = nominationById.putIfAbsent(n.id(), n);
            return before == null ? n : before;
        }
    }

    /** The set-up of one version, for one transaction. Lists and maps it returns are unmodifiable. */
    public final class SetupView implements SetupReads {

        private final Generation g;

        private SetupView(Generation g) {
            this.g = g;
        }

        /**
         * Something a caller derives from the set-up (the seat calculation's nominees, say), read
         * by the first to ask for it under this version and kept with it. The key should be a
         * type of the caller's own, so that two callers never share one; the value must not be
         * changed by whoever gets it.
         */
        @SuppressWarnings("unchecked")
        public <T> T derived(Object key, java.util.function.Supplier<T> read) {
            return (T) g.derived.computeIfAbsent(key, k -> read.get());
        }

        @Override
        public Optional<Election> election(long id) {
            return Optional.ofNullable(cached(g.elections, id, k -> days.election(k).orElse(null)));
        }

        @Override
        public Optional<ElectionDay> day(long id) {
            return Optional.ofNullable(cached(g.days, id, k -> days.day(k).map(ElectionDayStore.Day::day).orElse(null)));
        }

        @Override
        public Optional<ReportingUnit> unit(long id) {
            ReportingUnit u = g.units.get(id);
            if (u == null) {
                u = cached(g.units, id, k -> areas.unit(k).orElse(null));
                if (u != null && g.unitsRead.incrementAndGet() > UNITS_ONE_BY_ONE && g.daysRead.add(u.electionDayId())) {
                    readDay(u.electionDayId());
                }
            }
            return Optional.ofNullable(u);
        }

        /** Every district of the day and its areas, in two statements; what is kept already stays. */
        private void readDay(long dayId) {
            reads.addAndGet(2);
            for (ReportingUnit u : areas.units(dayId)) {
                g.units.putIfAbsent(u.id(), u);
            }
            areas.unitAreasOfDay(dayId).forEach((unitId, byHierarchy) -> g.unitAreas.putIfAbsent(unitId, canonical(byHierarchy)));
        }

        /** Hierarchy → leaf area of the district. */
        @Override
        public Map<String, Area> unitAreas(long unitId) {
            return cached(g.unitAreas, unitId, k -> canonical(areas.unitAreas(k)));
        }

        private Map<String, Area> canonical(Map<String, Area> areasByHierarchy) {
            Map<String, Area> byHierarchy = new LinkedHashMap<>();
            areasByHierarchy.forEach((h, a) -> byHierarchy.put(h, g.canonical(a)));
            return Collections.unmodifiableMap(byHierarchy);
        }

        /** The area and its ancestors, nearest first. */
        @Override
        public List<Area> ancestorsOrSelf(long areaId) {
            return cached(g.ancestors, areaId,
                    k -> areas.ancestorsOrSelf(k).stream().map(g::canonical).toList());
        }

        /** The nominations standing in the given areas and election-wide, as {@link SetupDirectory#nominationsIn}. */
        @Override
        public List<Nomination> nominationsIn(long electionId, Collection<Long> areaIds) {
            List<Long> key = new java.util.ArrayList<>(areaIds.size() + 1);
            key.add(electionId);
            key.addAll(new TreeSet<>(areaIds));
            // A national night has thousands of area combinations (municipality × constituency),
            // and each ballot lists the same few hundred nominations: kept once each.
            return cached(g.ballots, List.copyOf(key),
                    k -> nominations.nominationsIn(electionId, areaIds).stream().map(g::canonical).toList());
        }

        @Override
        public List<Candidate> candidates(long nominationId) {
            return cached(g.candidates, nominationId, k -> List.copyOf(nominations.candidates(k)));
        }

        @Override
        public long postalUnitCount(long dayId) {
            return cached(g.postalUnitCounts, dayId, areas::postalUnitCount);
        }

        /** The value kept for the key, else read; nothing is kept for what does not exist. */
        private <K, V> V cached(Map<K, V> map, K key, Function<K, V> read) {
            V v = map.get(key);
            if (v == null) {
                reads.incrementAndGet();
                v = read.apply(key);
                if (v != null) {
                    V before = map.putIfAbsent(key, v);
                    v = before == null ? v : before;
                }
            }
            return v;
        }
    }
}
