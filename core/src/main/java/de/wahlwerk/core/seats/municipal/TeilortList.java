package de.wahlwerk.core.seats.municipal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Wahlvorschlag in a Baden-Württemberg council election with unechte Teilortswahl (GemO § 27
 * Abs. 2): its candidates stand separately for each Wohnbezirk.
 *
 * @param id           list key
 * @param byWohnbezirk per Wohnbezirk (in the order of the Hauptsatzung) its candidates in list order,
 *                     with their personal votes
 */
public record TeilortList(String id, Map<String, List<CouncilCandidate>> byWohnbezirk) {

    public TeilortList {
        Map<String, List<CouncilCandidate>> copy = new LinkedHashMap<>();
        byWohnbezirk.forEach((w, c) -> copy.put(w, List.copyOf(c)));
        byWohnbezirk = Collections.unmodifiableMap(copy);
    }

    /** KomWG § 25 Abs. 2 S. 1: the votes of the list's candidates for one Wohnbezirk. */
    public long votesIn(String wohnbezirk) {
        return byWohnbezirk.getOrDefault(wohnbezirk, List.of()).stream().mapToLong(CouncilCandidate::votes).sum();
    }

    /** KomWG § 25 Abs. 2 S. 5: the list's Gesamtstimmenzahl in the whole municipality. */
    public long votes() {
        return byWohnbezirk.values().stream().flatMap(List::stream).mapToLong(CouncilCandidate::votes).sum();
    }

    /** All candidates, Wohnbezirk by Wohnbezirk, each in list order. */
    public List<CouncilCandidate> candidates() {
        List<CouncilCandidate> all = new ArrayList<>();
        byWohnbezirk.values().forEach(all::addAll);
        return all;
    }
}
