package de.wahlwerk.core.model;

import java.util.List;

/** The kinds of election Wahlwerk runs, each with the vote kinds its ballot carries. */
public enum ElectionKind {
    BUNDESTAG(List.of(VoteKind.FIRST, VoteKind.SECOND)),
    /** Landtag: most Länder use first and second vote; Bavaria adds them up to Gesamtstimmen. */
    LANDTAG(List.of(VoteKind.FIRST, VoteKind.SECOND)),
    EUROPEAN_PARLIAMENT(List.of(VoteKind.LIST)),
    MUNICIPAL_COUNCIL(List.of(VoteKind.CUMULATIVE)),
    COUNTY_COUNCIL(List.of(VoteKind.CUMULATIVE)),
    MAYOR(List.of(VoteKind.CANDIDATE)),
    LORD_MAYOR(List.of(VoteKind.CANDIDATE)),
    COUNTY_HEAD(List.of(VoteKind.CANDIDATE)),
    REFERENDUM(List.of(VoteKind.YES_NO));

    private final List<VoteKind> voteKinds;

    ElectionKind(List<VoteKind> voteKinds) {
        this.voteKinds = voteKinds;
    }

    public List<VoteKind> voteKinds() {
        return voteKinds;
    }

    /** Councils elected with several votes per voter need a number of votes and a cumulation cap. */
    public boolean usesCumulativeVoting() {
        return voteKinds.contains(VoteKind.CUMULATIVE);
    }

    /** Whether the election fills seats from nominated lists (as opposed to one office or a question). */
    public boolean allocatesSeats() {
        return switch (this) {
            case BUNDESTAG, LANDTAG, EUROPEAN_PARLIAMENT, MUNICIPAL_COUNCIL, COUNTY_COUNCIL -> true;
            case MAYOR, LORD_MAYOR, COUNTY_HEAD, REFERENDUM -> false;
        };
    }
}
