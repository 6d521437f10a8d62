package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.BundleTable.Row;
import de.wahlwerk.core.formats.ElectionBundle.Candidate;
import de.wahlwerk.core.formats.ElectionBundle.Election;
import de.wahlwerk.core.formats.ElectionBundle.Nomination;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.OfficialKeys;
import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** elections.csv, nominations.csv and candidates.csv, joined into a tree. */
final class BundleElections {

    static final String ELECTIONS_FILE = "elections.csv";
    static final List<String> ELECTION_COLUMNS = List.of("key", "kind", "name", "date", "seats", "votes_per_voter",
            "max_votes_per_candidate", "hierarchy");
    static final String NOMINATIONS_FILE = "nominations.csv";
    static final List<String> NOMINATION_COLUMNS = List.of("election", "vote_kind", "area_key", "ballot_position",
            "short_name", "name", "group_kind");
    static final String CANDIDATES_FILE = "candidates.csv";
    static final List<String> CANDIDATE_COLUMNS = List.of("election", "vote_kind", "area_key", "nomination",
            "list_position", "family_name", "given_names", "title", "profession", "year_of_birth", "place");

    /** Candidates for the Bundestag, Landtag and councils must be 18 on election day. */
    static final int MIN_AGE = 18;
    static final int MAX_AGE = 120;

    /** An election while it is being read; nominations are collected by their identity. */
    private record ElectionDraft(Election head, Map<String, NominationDraft> nominations) {}

    private record NominationDraft(Nomination head, long line, List<Candidate> candidates, Map<Integer, Long> positions) {}

    private BundleElections() {}

    /** Whether references into an earlier file are checked (only if that file had no problems). */
    private record Checked(boolean areas, boolean elections, boolean nominations) {}

    static List<Election> read(BundleTable elections, BundleTable nominations, BundleTable candidates, BundleAreas areas,
            boolean areasClean, ProblemCollector problems) {
        long before = problems.total();
        Map<String, ElectionDraft> drafts = readElections(elections, areas, areasClean);
        boolean electionsClean = elections != null && elections.clean && problems.total() == before;
        before = problems.total();
        readNominations(nominations, drafts, areas, new Checked(areasClean, electionsClean, false));
        boolean nominationsClean = nominations != null && nominations.clean && problems.total() == before;
        readCandidates(candidates, drafts, new Checked(areasClean, electionsClean, nominationsClean));
        List<Election> result = new ArrayList<>();
        for (ElectionDraft d : drafts.values()) {
            if (d.head() == null) {
                continue;
            }
            // placeholders (head null) stand for rows with problems: the import fails anyway
            List<Nomination> noms = d.nominations().values().stream()
                    .filter(n -> n.head() != null)
                    .map(n -> new Nomination(n.head().voteKind(), n.head().areaKey(), n.head().ballotPosition(),
                            n.head().shortName(), n.head().name(), n.head().groupKind(),
                            n.candidates().stream().sorted(java.util.Comparator.comparingInt(Candidate::listPosition)).toList()))
                    .toList();
            Election h = d.head();
            result.add(new Election(h.key(), h.kind(), h.name(), h.date(), h.seats(), h.votesPerVoter(),
                    h.maxVotesPerCandidate(), h.hierarchy(), noms));
        }
        return result;
    }

    private static Map<String, ElectionDraft> readElections(BundleTable t, BundleAreas areas, boolean areasChecked) {
        Map<String, ElectionDraft> drafts = new LinkedHashMap<>();
        if (t == null) {
            return drafts;
        }
        Map<String, Long> lines = new HashMap<>();
        LocalDate firstDate = null;
        long firstDateLine = 0;
        for (Row row : t.rows) {
            int before = t.cells.problems().size();
            String key = t.required(row, "key");
            if (key != null && !OfficialKeys.isValidKey(key)) {
                t.problem(row, "key", "invalid-key", key);
                key = null;
            }
            ElectionKind kind = t.choice(row, "kind", BundleCodes.ELECTION_KINDS, BundleCodes.list(BundleCodes.ELECTION_KINDS));
            String name = t.required(row, "name");
            LocalDate date = t.cells.germanDate(row.get("date"), row.line(), "date");
            if (date != null) {
                if (firstDate == null) {
                    firstDate = date;
                    firstDateLine = row.line();
                } else if (!date.equals(firstDate)) {
                    // one bundle is one election day: same districts, same rolls
                    t.problem(row, "date", "inconsistent-value", row.get("date"),
                            firstDate.format(DateTimeFormatter.ofPattern("dd.MM.uuuu")), Long.toString(firstDateLine));
                }
            }
            Integer seats = t.integer(row, "seats", false, 1, 10_000);
            boolean cumulative = kind != null && kind.usesCumulativeVoting();
            Integer votes = t.integer(row, "votes_per_voter", cumulative, 1, 1_000);
            Integer cap = t.integer(row, "max_votes_per_candidate", cumulative, 1, 100);
            String h = BundleTable.optional(row, "hierarchy");
            if (h != null && !BundleCodes.isHierarchy(h)) {
                t.problem(row, "hierarchy", "invalid-hierarchy", h);
                h = null;
            } else if (h != null && areasChecked && !areas.keys.containsKey(h)) {
                t.problem(row, "hierarchy", "unknown-hierarchy", h);
            }
            if (key == null) {
                continue;
            }
            Long first = lines.putIfAbsent(key, row.line());
            if (first != null) {
                t.problem(row, "key", "duplicate-key", key, Long.toString(first));
                continue;
            }
            Election head = t.cells.problems().size() == before
                    ? new Election(key, kind, name, date, seats, votes, cap, h, List.of())
                    : null;
            // a key with problems is still registered, so its nominations do not add "unknown election" noise
            drafts.put(key, new ElectionDraft(head, new LinkedHashMap<>()));
        }
        return drafts;
    }

    private static String nominationId(VoteKind vote, String areaKey, String shortName) {
        return vote + "|" + (areaKey == null ? "" : areaKey) + "|" + shortName;
    }

    private static void readNominations(BundleTable t, Map<String, ElectionDraft> drafts, BundleAreas areas,
            Checked checked) {
        if (t == null) {
            return;
        }
        Map<String, Long> positions = new HashMap<>();
        for (Row row : t.rows) {
            int before = t.cells.problems().size();
            String electionKey = t.required(row, "election");
            ElectionDraft election = electionKey == null ? null : drafts.get(electionKey);
            if (electionKey != null && election == null && checked.elections()) {
                t.problem(row, "election", "unknown-election", electionKey);
            }
            Election head = election == null ? null : election.head();
            VoteKind vote = voteKind(t, row, head);
            String areaKey = BundleTable.optional(row, "area_key");
            if (areaKey != null && head != null && checked.areas()) {
                checkArea(t, row, head, areaKey, areas);
            }
            Integer position = t.integer(row, "ballot_position", true, 1, 999);
            String shortName = t.required(row, "short_name");
            String name = t.required(row, "name");
            GroupKind group = t.choice(row, "group_kind", BundleCodes.GROUP_KINDS, BundleCodes.list(BundleCodes.GROUP_KINDS));
            if (election == null || vote == null) {
                continue;
            }
            String ballot = electionKey + "|" + vote + "|" + (areaKey == null ? "" : areaKey);
            if (position != null) {
                Long first = positions.putIfAbsent(ballot + "|" + position, row.line());
                if (first != null) {
                    t.problem(row, "ballot_position", "duplicate-key", position.toString(), Long.toString(first));
                }
            }
            if (shortName != null) {
                String id = nominationId(vote, areaKey, shortName);
                NominationDraft known = election.nominations().get(id);
                if (known != null) {
                    t.problem(row, "short_name", "duplicate-key", shortName, Long.toString(known.line()));
                } else if (t.cells.problems().size() == before) {
                    election.nominations().put(id, new NominationDraft(
                            new Nomination(vote, areaKey, position, shortName, name, group, List.of()),
                            row.line(), new ArrayList<>(), new HashMap<>()));
                } else {
                    election.nominations().put(id, new NominationDraft(null, row.line(), new ArrayList<>(), new HashMap<>()));
                }
            }
        }
    }

    private static VoteKind voteKind(BundleTable t, Row row, Election election) {
        VoteKind vote = t.choice(row, "vote_kind", BundleCodes.VOTE_KINDS, BundleCodes.list(BundleCodes.VOTE_KINDS));
        if (vote != null && election != null && election.kind() != null && !election.kind().voteKinds().contains(vote)) {
            t.problem(row, "vote_kind", "invalid-value", row.get("vote_kind"),
                    election.kind().voteKinds().stream().map(BundleCodes::code).collect(Collectors.joining(", ")));
            return null;
        }
        return vote;
    }

    /** A nomination or candidate area lies in the election's own hierarchy. */
    private static void checkArea(BundleTable t, Row row, Election election, String areaKey, BundleAreas areas) {
        String h = election.hierarchy();
        if (h == null || !areas.has(h, areaKey)) {
            t.problem(row, "area_key", "unknown-area", areaKey,
                    BundleAreas.FILE + " (" + (h == null ? "–" : h) + ")");
        }
    }

    private static void readCandidates(BundleTable t, Map<String, ElectionDraft> drafts, Checked checked) {
        if (t == null) {
            return;
        }
        for (Row row : t.rows) {
            int before = t.cells.problems().size();
            String electionKey = t.required(row, "election");
            ElectionDraft election = electionKey == null ? null : drafts.get(electionKey);
            if (electionKey != null && election == null && checked.elections()) {
                t.problem(row, "election", "unknown-election", electionKey);
            }
            Election head = election == null ? null : election.head();
            VoteKind vote = voteKind(t, row, head);
            String areaKey = BundleTable.optional(row, "area_key");
            String nominationName = t.required(row, "nomination");
            Integer position = t.integer(row, "list_position", true, 1, 999);
            String family = t.required(row, "family_name");
            String given = t.required(row, "given_names");
            Integer year = t.integer(row, "year_of_birth", false, 0, 9999);
            if (year != null && head != null && head.date() != null) {
                int electionYear = head.date().getYear();
                if (year > electionYear - MIN_AGE || year < electionYear - MAX_AGE) {
                    t.problem(row, "year_of_birth", "implausible-year", year.toString(),
                            Integer.toString(electionYear - MAX_AGE), Integer.toString(electionYear - MIN_AGE));
                }
            }
            if (election == null || vote == null || nominationName == null) {
                continue;
            }
            NominationDraft nomination = election.nominations().get(nominationId(vote, areaKey, nominationName));
            if (nomination == null) {
                if (checked.nominations()) {
                    t.problem(row, "nomination", "unknown-nomination", nominationName);
                }
                continue;
            }
            if (position != null) {
                Long first = nomination.positions().putIfAbsent(position, row.line());
                if (first != null) {
                    t.problem(row, "list_position", "duplicate-key", position.toString(), Long.toString(first));
                }
            }
            if (t.cells.problems().size() == before) {
                nomination.candidates().add(new Candidate(position, family, given, BundleTable.optional(row, "title"),
                        BundleTable.optional(row, "profession"), year, BundleTable.optional(row, "place")));
            }
        }
    }
}
