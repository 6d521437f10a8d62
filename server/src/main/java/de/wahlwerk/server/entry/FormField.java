package de.wahlwerk.server.entry;

/**
 * One box of the quick-report form: its letter (A1, B, D3 …), what it means and, for votes per
 * nomination, the nomination's ballot position and name.
 *
 * @param section the block of the paper form the field belongs to (roll, voters, a vote kind)
 */
public record FormField(String letter, String labelKey, String section, Integer ballotPosition, String nominationName) {}
