package de.wahlwerk.core.formats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an election report in the NIST SP 1500-100 v2 Election Results Common Data Format
 * (JSON binding, schema {@code NIST_V2_election_results_reporting.json}) as a tree of maps and
 * lists that any JSON library serialises; core stays free of one.
 *
 * <p>German elections map onto the CDF like this (docs/formats/open-data.md): every area and
 * every reporting unit is a {@code ReportingUnit} (districts as {@code precinct}, postal ones with
 * {@code IsMailOnly}); list votes (Zweitstimme, Europawahl, council lists) are a
 * {@code PartyContest}, votes for persons (Erststimme, mayor) a {@code CandidateContest},
 * a referendum a {@code BallotMeasureContest}; counts are {@code VoteCounts} of type
 * {@code total} per unit and area. Invalid votes are left out: the CDF's nearest elements
 * (over- and undervotes) mean something else, so they stay in the votemanager files.
 */
public final class NistCdfWriter {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private NistCdfWriter() {}

    /** Who publishes, and how far the count is. */
    public record Header(String issuer, String issuerAbbreviation, String vendorApplicationId,
            OffsetDateTime generated, boolean complete, long sequence, String language) {}

    /**
     * An area or reporting unit.
     *
     * @param type      a CDF ReportingUnitType ({@code municipality}, {@code precinct}, …) or
     *                  {@code other} with {@code otherType} naming it
     * @param composing ids of the units directly inside
     * @param registered Wahlberechtigte, null when unknown (postal districts have no roll)
     * @param voters     Wähler, null when not reported
     */
    public record Unit(String id, String name, String type, String otherType, boolean mailOnly,
            List<String> composing, Long registered, Long voters, Long unitsReported, Long unitsTotal) {}

    /** A party or voter group. */
    public record Party(String id, String name, String abbreviation) {}

    /** A person standing (Erststimme, mayor), with the party that nominated them if any. */
    public record Candidate(String id, String ballotName, String partyId) {}

    /** The kinds of contest the CDF knows. */
    public enum ContestKind { PARTY, CANDIDATE, BALLOT_MEASURE }

    /**
     * One choice of a contest.
     *
     * @param ref    party id (PARTY), candidate id (CANDIDATE) or the answer's text (BALLOT_MEASURE)
     * @param counts unit or area id → votes, each id once; units without a confirmed report are
     *               left out. Iterated only while the report is written, so a caller can make the
     *               entries as they are asked for: a national report has 5.4 million of them, and
     *               held all at once while the report was built and written, they made the longest
     *               collector pauses of the national replay (docs/PERFORMANCE.md, session 18).
     */
    public record Selection(String id, int order, String ref, Iterable<Map.Entry<String, Long>> counts) {}

    /**
     * @param variation CDF VoteVariation ({@code plurality}, {@code proportional}, {@code cumulative}, …)
     * @param votesAllowed votes per voter (CANDIDATE contests)
     */
    public record Contest(String id, String name, ContestKind kind, String districtId, String variation,
            int votesAllowed, int order, List<Selection> selections) {}

    /** The election itself. */
    public record Election(String name, LocalDate date, String scopeId, List<Contest> contests,
            List<Candidate> candidates) {}

    /** The report, ready to serialise. */
    public static Map<String, Object> report(Header h, Election e, List<Unit> units, List<Party> parties) {
        Map<String, Object> r = typed("ElectionResults.ElectionReport");
        r.put("Format", "precinct-level");
        r.put("GeneratedDate", GENERATED.format(h.generated()));
        r.put("Issuer", h.issuer());
        r.put("IssuerAbbreviation", h.issuerAbbreviation());
        r.put("SequenceStart", h.sequence());
        r.put("SequenceEnd", h.sequence());
        r.put("Status", h.complete() ? "unofficial-complete" : "unofficial-partial");
        r.put("VendorApplicationId", h.vendorApplicationId());
        List<Object> gp = new ArrayList<>();
        for (Unit u : units) {
            gp.add(unit(u, h.language()));
        }
        r.put("GpUnit", gp);
        List<Object> ps = new ArrayList<>();
        for (Party p : parties) {
            Map<String, Object> m = typed("ElectionResults.Party");
            m.put("@id", p.id());
            m.put("Name", text(p.name(), h.language()));
            if (p.abbreviation() != null) {
                m.put("Abbreviation", text(p.abbreviation(), h.language()));
            }
            ps.add(m);
        }
        r.put("Party", ps);
        r.put("Election", List.of(election(e, h.language())));
        return r;
    }

    private static Map<String, Object> election(Election e, String language) {
        Map<String, Object> m = typed("ElectionResults.Election");
        m.put("Name", text(e.name(), language));
        m.put("Type", "general");
        m.put("StartDate", e.date().toString());
        m.put("EndDate", e.date().toString());
        m.put("ElectionScopeId", e.scopeId());
        List<Object> candidates = new ArrayList<>();
        for (Candidate c : e.candidates()) {
            Map<String, Object> cm = typed("ElectionResults.Candidate");
            cm.put("@id", c.id());
            cm.put("BallotName", text(c.ballotName(), language));
            if (c.partyId() != null) {
                cm.put("PartyId", c.partyId());
            }
            candidates.add(cm);
        }
        m.put("Candidate", candidates);
        List<Object> contests = new ArrayList<>();
        for (Contest c : e.contests()) {
            contests.add(contest(c, language));
        }
        m.put("Contest", contests);
        return m;
    }

    private static Map<String, Object> contest(Contest c, String language) {
        Map<String, Object> m = typed(switch (c.kind()) {
            case PARTY -> "ElectionResults.PartyContest";
            case CANDIDATE -> "ElectionResults.CandidateContest";
            case BALLOT_MEASURE -> "ElectionResults.BallotMeasureContest";
        });
        m.put("@id", c.id());
        m.put("Name", c.name());
        m.put("ElectionDistrictId", c.districtId());
        m.put("SequenceOrder", c.order());
        if (c.kind() == ContestKind.CANDIDATE) {
            m.put("VotesAllowed", c.votesAllowed());
        }
        if (c.kind() == ContestKind.BALLOT_MEASURE) {
            m.put("Type", "referendum");
        }
        if (c.variation() != null) {
            m.put("VoteVariation", c.variation());
        }
        List<Object> selections = new ArrayList<>();
        for (Selection s : c.selections()) {
            Map<String, Object> sm = typed(switch (c.kind()) {
                case PARTY -> "ElectionResults.PartySelection";
                case CANDIDATE -> "ElectionResults.CandidateSelection";
                case BALLOT_MEASURE -> "ElectionResults.BallotMeasureSelection";
            });
            sm.put("@id", s.id());
            sm.put("SequenceOrder", s.order());
            switch (c.kind()) {
                case PARTY -> sm.put("PartyIds", List.of(s.ref()));
                case CANDIDATE -> sm.put("CandidateIds", List.of(s.ref()));
                case BALLOT_MEASURE -> sm.put("Selection", text(s.ref(), language));
            }
            sm.put("VoteCounts", new VoteCountList(s.counts()));
            selections.add(sm);
        }
        m.put("ContestSelection", selections);
        return m;
    }

    private static Map<String, Object> unit(Unit u, String language) {
        Map<String, Object> m = typed("ElectionResults.ReportingUnit");
        m.put("@id", u.id());
        m.put("Name", text(u.name(), language));
        m.put("Type", u.type());
        if (u.otherType() != null) {
            m.put("OtherType", u.otherType());
        }
        if (u.mailOnly()) {
            m.put("IsMailOnly", true);
        }
        if (!u.composing().isEmpty()) {
            m.put("ComposingGpUnitIds", u.composing());
        }
        if (u.registered() != null) {
            m.put("VotersRegistered", u.registered());
        }
        if (u.voters() != null) {
            m.put("VotersParticipated", u.voters());
        }
        if (u.unitsReported() != null) {
            m.put("SubUnitsReported", u.unitsReported());
            m.put("TotalSubUnits", u.unitsTotal());
        }
        return m;
    }

    private static Map<String, Object> text(String content, String language) {
        Map<String, Object> ls = typed("ElectionResults.LanguageString");
        ls.put("Content", Objects.requireNonNullElse(content, ""));
        ls.put("Language", language);
        Map<String, Object> t = typed("ElectionResults.InternationalizedText");
        t.put("Text", List.of(ls));
        return t;
    }

    /**
     * A selection's {@code VoteCounts} array: an {@code Iterable} (not a collection) whose objects
     * are made one by one while the array is written, and are garbage right after. A national
     * report has one per district, list and vote kind (5.4 million for the Bundestag).
     */
    private static final class VoteCountList implements Iterable<Object> {

        private final Iterable<Map.Entry<String, Long>> counts;

        VoteCountList(Iterable<Map.Entry<String, Long>> counts) {
            this.counts = counts;
        }

        @Override
        public java.util.Iterator<Object> iterator() {
            java.util.Iterator<Map.Entry<String, Long>> entries = counts.iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return entries.hasNext();
                }

                @Override
                public Object next() {
                    Map.Entry<String, Long> e = entries.next();
                    return new VoteCount(e.getValue(), e.getKey());
                }
            };
        }
    }

    /**
     * One {@code ElectionResults.VoteCounts} object, as a map of four entries made only while it is
     * written: as a {@code LinkedHashMap} each took some 300 bytes, and the tree of a national
     * report filled a 4 GB heap in the national replay (docs/PERFORMANCE.md).
     */
    private static final class VoteCount extends java.util.AbstractMap<String, Object> {

        private final Long count;
        private final String unit;

        VoteCount(Long count, String unit) {
            this.count = count;
            this.unit = unit;
        }

        @Override
        public int size() {
            return 4; // without this, AbstractMap would build the entry set to count it
        }

        @Override
        public java.util.Set<Map.Entry<String, Object>> entrySet() {
            // Insertion order, as the other objects of the report have it.
            java.util.Set<Map.Entry<String, Object>> entries = new java.util.LinkedHashSet<>();
            entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>("@type", "ElectionResults.VoteCounts"));
            entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>("Count", count));
            entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>("GpUnitId", unit));
            entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>("Type", "total"));
            return entries;
        }
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", type);
        return m;
    }
}
