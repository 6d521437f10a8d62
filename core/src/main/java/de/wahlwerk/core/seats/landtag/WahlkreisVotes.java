package de.wahlwerk.core.seats.landtag;

import java.util.Map;

/**
 * Input for one Bavarian Wahlkreis (Regierungsbezirk).
 *
 * @param wahlkreis          name or number
 * @param seats              its statutory number of seats (Stimmkreis + list seats, LWG Art. 21)
 * @param totalVotes         Gesamtstimmen (first + second votes) per party in the Wahlkreis, all parties
 * @param constituencyWins   Stimmkreis winners per party in the Wahlkreis
 */
public record WahlkreisVotes(String wahlkreis, int seats, Map<String, Long> totalVotes,
        Map<String, Integer> constituencyWins) {

    public WahlkreisVotes {
        totalVotes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(totalVotes));
        constituencyWins = Map.copyOf(constituencyWins);
    }
}
