package de.wahlwerk.server.setup;

/**
 * Published when the structure of an election day changed: its areas, reporting units (including
 * which district is counted with a neighbour) or nominations. Whatever was built from that
 * structure (the live tallies) must be built again, also on election night, when a board decides
 * to count with a neighbour (§ 68 Abs. 2 BWO). Listeners run after the commit.
 */
public record SetupChanged(long dayId) {

    /** PostgreSQL channel on which the other nodes hear of it; the payload is the day's id. */
    public static final String CHANNEL = "wahlwerk_setup";
}
