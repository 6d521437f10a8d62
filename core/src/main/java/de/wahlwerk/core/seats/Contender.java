package de.wahlwerk.core.seats;

/**
 * One list (party, voters' association, Landesliste, Land…) competing for seats.
 *
 * @param id          stable key (party short name, list number…)
 * @param votes       its votes (or population, for Sitzkontingente), ≥ 0
 * @param minimumSeats seats it gets in any case (BWG 2020 § 6 Abs. 6: Mindestsitzzahl), usually 0
 * @param capacity    most seats it can take (number of candidates on the list); {@link #UNLIMITED}
 *                    when the law does not limit it or the list length is irrelevant
 */
public record Contender(String id, long votes, int minimumSeats, int capacity) {

    public static final int UNLIMITED = Integer.MAX_VALUE;

    public Contender {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("contender id is blank");
        }
        if (votes < 0 || minimumSeats < 0 || capacity < minimumSeats) {
            throw new IllegalArgumentException("invalid contender " + id + ": votes " + votes
                    + ", minimum " + minimumSeats + ", capacity " + capacity);
        }
    }

    public static Contender of(String id, long votes) {
        return new Contender(id, votes, 0, UNLIMITED);
    }

    public Contender withCapacity(int newCapacity) {
        return new Contender(id, votes, minimumSeats, newCapacity);
    }

    public Contender withMinimum(int newMinimum) {
        return new Contender(id, votes, newMinimum, capacity);
    }
}
