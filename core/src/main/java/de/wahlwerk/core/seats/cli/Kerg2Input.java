package de.wahlwerk.core.seats.cli;

import de.wahlwerk.core.formats.KergArea;
import de.wahlwerk.core.formats.KergGroup;
import de.wahlwerk.core.formats.KergResult;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.seats.bundestag.BundestagVotes;
import de.wahlwerk.core.seats.bundestag.Constituency;
import de.wahlwerk.core.seats.bundestag.ConstituencyCandidate;
import de.wahlwerk.core.seats.bundestag.LandList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The input of a Bundestag seat calculation from a checked kerg2 file: second votes per
 * Landesliste (Land = its name), first votes per Wahlkreis. Candidates are named
 * {@code <group>@<Wahlkreis>} (kerg2 has no names); groups that are not parties (Einzelbewerber,
 * Wählergruppen) stand as candidates nominated by voters (BWG § 6 Abs. 2). National minority: SSW.
 */
final class Kerg2Input {

    static final Set<String> NATIONAL_MINORITY_PARTIES = Set.of("SSW");

    private Kerg2Input() {}

    /** The votes, or the first missing piece as a message key with its argument. */
    static BundestagVotes votes(KergResult kerg) throws Missing {
        VoteCounts federal = kerg.federation().counts().votes(VoteKind.SECOND);
        if (federal == null || federal.valid() == null) {
            throw new Missing("missing.validSecond", kerg.federation().name());
        }
        List<LandList> lists = new ArrayList<>();
        for (KergArea land : kerg.states()) {
            VoteCounts second = land.counts().votes(VoteKind.SECOND);
            if (second == null) {
                continue;
            }
            for (KergGroup g : land.groups()) {
                Long n = second.perNomination().get(g.position());
                if (g.isOthers() || g.kind() != GroupKind.PARTY || n == null || n == 0) {
                    continue;
                }
                lists.add(LandList.of(land.name(), g.name(), n));
            }
        }
        List<Constituency> constituencies = new ArrayList<>();
        for (KergArea wk : kerg.constituencies()) {
            VoteCounts first = wk.counts().votes(VoteKind.FIRST);
            if (first == null || first.valid() == null) {
                throw new Missing("missing.validFirst", wk.key() + " " + wk.name());
            }
            String land = kerg.states().stream().filter(s -> s.key().equals(wk.parentKey())).map(KergArea::name)
                    .findFirst().orElseThrow(() -> new Missing("missing.land", wk.key() + " " + wk.name()));
            List<ConstituencyCandidate> candidates = new ArrayList<>();
            for (KergGroup g : wk.groups()) {
                Long n = first.perNomination().get(g.position());
                if (g.isOthers() || n == null) {
                    continue;
                }
                String id = g.name() + "@" + wk.key();
                candidates.add(g.kind() == GroupKind.PARTY
                        ? ConstituencyCandidate.ofParty(id, g.name(), n)
                        : new ConstituencyCandidate(id, Optional.empty(), n, Map.of()));
            }
            constituencies.add(new Constituency(wk.key(), land, first.valid(), candidates));
        }
        return new BundestagVotes(federal.valid(), lists, constituencies, NATIONAL_MINORITY_PARTIES);
    }

    /** A value the calculation needs is not in the file. */
    static final class Missing extends Exception {
        final String key;
        final String argument;

        Missing(String key, String argument) {
            super(key, null, false, false);
            this.key = key;
            this.argument = argument;
        }
    }
}
