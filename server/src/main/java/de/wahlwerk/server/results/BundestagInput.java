package de.wahlwerk.server.results;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.seats.bundestag.BundestagVotes;
import de.wahlwerk.core.seats.bundestag.Constituency;
import de.wahlwerk.core.seats.bundestag.ConstituencyCandidate;
import de.wahlwerk.core.seats.bundestag.LandList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the input of a Bundestag seat calculation from stored results at the levels FEDERATION
 * (valid second votes), STATE (second votes per Landesliste) and CONSTITUENCY (first votes per
 * candidate). Candidates are named by their group key: the party's short name, or
 * {@code EB:<name>} for an independent; the Land is named by its name. Where the nominations are
 * stored, each Landesliste carries its candidates in list order and each party's Wahlkreis candidate
 * the person, so that the calculation names who is elected from the lists (BWG § 6 Abs. 4).
 */
final class BundestagInput {

    /**
     * Parties of national minorities, exempt from the threshold (BWG § 4 Abs. 2 S. 3). The
     * published results do not mark them; the Südschleswigscher Wählerverband is the only one that
     * stands (Bundeswahlausschuss decision before each election).
     */
    static final Set<String> NATIONAL_MINORITY_PARTIES = Set.of("SSW");

    /**
     * Input, names for display, and whatever the data lacks (message keys with arguments).
     *
     * @param listCandidates the candidates of each Landesliste given to the calculation, by
     *                       {@link #listKey(String, String) Land name and party}
     */
    record Result(BundestagVotes votes, Map<String, String> constituencyNames, List<SeatReport.Text> missing,
            List<SeatReport.Text> notes, Map<String, List<Nominees.Person>> listCandidates) {}

    static String listKey(String land, String party) {
        return land + "\u0000" + party;
    }

    private BundestagInput() {}

    static Result from(List<ResultRecord> records, Predicate<String> isIndependent, Texts texts) {
        return from(records, isIndependent, Nominees.NONE, texts);
    }

    static Result from(List<ResultRecord> records, Predicate<String> isIndependent, Nominees nominees, Texts texts) {
        List<SeatReport.Text> missing = new ArrayList<>();
        List<SeatReport.Text> notes = new ArrayList<>();
        ResultRecord federation = records.stream().filter(r -> r.level().equals(AreaLevel.FEDERATION.name()))
                .findFirst().orElse(null);
        Long validSecond = federation == null ? null : federation.valid().get(VoteKind.SECOND);
        if (validSecond == null) {
            missing.add(texts.of("results.missing.federationSecondVotes"));
        }
        Map<String, String> landNames = new LinkedHashMap<>();
        List<LandList> lists = new ArrayList<>();
        Map<String, List<Nominees.Person>> listCandidates = new LinkedHashMap<>();
        for (ResultRecord r : records) {
            if (!r.level().equals(AreaLevel.STATE.name())) {
                continue;
            }
            landNames.put(r.key(), r.name() == null ? r.key() : r.name());
            for (Entry<String, Long> e : r.votes(VoteKind.SECOND).entrySet()) {
                if (e.getValue() > 0 && !isIndependent.test(e.getKey())) {
                    String land = landNames.get(r.key());
                    Optional<List<Nominees.Person>> persons = nominees.list(r.key(), e.getKey());
                    persons.ifPresent(p -> listCandidates.put(listKey(land, e.getKey()), p));
                    lists.add(new LandList(land, e.getKey(), e.getValue(),
                            persons.map(p -> p.stream().map(Nominees.Person::key).toList())));
                }
            }
        }
        if (landNames.isEmpty()) {
            missing.add(texts.of("results.missing.states"));
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<Constituency> constituencies = new ArrayList<>();
        for (ResultRecord r : records) {
            if (!r.level().equals(AreaLevel.CONSTITUENCY.name())) {
                continue;
            }
            String land = landNames.get(r.parentKey());
            Long validFirst = r.valid().get(VoteKind.FIRST);
            if (land == null || validFirst == null) {
                missing.add(texts.of(land == null ? "results.missing.constituencyState" : "results.missing.firstVotes",
                        r.key(), r.name()));
                continue;
            }
            names.put(r.key(), r.name());
            List<ConstituencyCandidate> candidates = new ArrayList<>();
            for (Entry<String, Long> e : r.votes(VoteKind.FIRST).entrySet()) {
                candidates.add(isIndependent.test(e.getKey())
                        ? ConstituencyCandidate.independent(e.getKey(), e.getValue(), Map.of())
                        : new ConstituencyCandidate(e.getKey(), Optional.of(e.getKey()), e.getValue(), Map.of(),
                                nominees.constituencyCandidate(r.key(), e.getKey()).map(Nominees.Person::key)));
            }
            constituencies.add(new Constituency(r.key(), land, validFirst, candidates));
        }
        if (constituencies.isEmpty() && missing.isEmpty()) {
            missing.add(texts.of("results.missing.constituencies"));
        }
        BundestagVotes votes = missing.isEmpty()
                ? new BundestagVotes(validSecond, lists, constituencies, NATIONAL_MINORITY_PARTIES)
                : null;
        return new Result(votes, names, missing, notes, listCandidates);
    }

    /** Group keys of independents: {@code EB:<name>} as kerg2 writes them, or an INDEPENDENT nomination. */
    static Predicate<String> independents(Set<String> independentNominations) {
        return key -> key.startsWith("EB:") || key.equals("Einzelbewerber/Wählergruppe")
                || independentNominations.contains(key);
    }
}
