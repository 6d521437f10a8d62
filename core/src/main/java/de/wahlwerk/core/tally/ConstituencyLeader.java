package de.wahlwerk.core.tally;

/** The leader of a constituency; {@code complete} says whether it is already the winner. */
public record ConstituencyLeader(AreaRef area, Leader leader, boolean complete) {}
