package de.wahlwerk.core.seats.municipal;

/**
 * How the body grows when seats won outside the list distribution exceed a list's share
 * ({@link OverhangCompensation}).
 */
public enum Enlargement {
    /**
     * One seat at a time, the whole body apportioned again at each size, until every list is
     * covered (or the law's cap is reached): the smallest covering size. GKWG S-H § 10 Abs. 4,
     * KomWG BW § 25 Abs. 2 (ADR 0110).
     */
    SMALLEST_COVERING,
    /**
     * NRW KWahlG § 33 Abs. 3 S. 2–3 (wording in force until 30.7.2024, restored for 14.9.2025): the
     * enlarged size is computed once as the list's district seats × the votes of all lists in the
     * Verhältnisausgleich ÷ the list's votes, rounded; it may exceed the smallest covering size
     * (wahlrecht.de 19.9.2009: Witten 22 × 40,972 / 13,609 = 66.23 → 66 seats where 64 would cover;
     * CDU Mechernich 9.8.2020 describes the same formula) [V-SEC]. Our reading where the sources are
     * silent [UNV]: with several lists in Überhang the largest such size; rounding half up; if the
     * size does not cover every list, it grows further one seat at a time (Satz 1: "so viele … wie
     * notwendig").
     */
    NRW_FORMULA
}
