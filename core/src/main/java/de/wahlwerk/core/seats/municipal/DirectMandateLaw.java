package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Method;
import java.util.OptionalInt;

/**
 * Councils whose members are partly elected in single-member (or, in small S-H municipalities,
 * multi-member) districts and partly from bound lists, with a proportional adjustment over the
 * list votes (ELECTORAL_LAW.md § 1.5: "direct winners first, then list order").
 */
public enum DirectMandateLaw {
    /**
     * KWahlG NRW § 33 in the wording in force until 30.7.2024, which the Landtag restored for 14.9.2025 after
     * VerfGH NRW 20.5.2025 (CDU-Landtagsfraktion on the four-party draft: "stellen wir den Rechtszustand wieder
     * her, der bis zum 30. Juli 2024 Geltung hatte") [V-SEC]. Abs. 2 S. 1: successful Wahlbezirk candidates who
     * stood as independents or for a party without Reserveliste are deducted from the size ("bereinigte
     * Gremiengröße") [V-SEC, lexmea 2024 wording]. Abs. 3: with Überhangmandate the size is enlarged by the
     * formula district seats × votes of all lists ÷ the list's votes, rounded ({@link Enlargement#NRW_FORMULA};
     * wahlrecht.de 19.9.2009 with the Witten result, CDU Mechernich 9.8.2020) [V-SEC]; no cap. Abs. 4
     * Zusatzmandat after Abs. 3 at the final size ({@link MajorityRule#ONE_MORE_FIXED}) [V-SEC mik.nrw.de
     * description]. The statute's own wording of Abs. 3–4 was not found [UNV] (docs/SEATS.md lists the sources
     * tried).
     */
    NORDRHEIN_WESTFALEN(Method.WEBSTER, OptionalInt.empty(), Enlargement.NRW_FORMULA, "KWahlG NRW § 33 Abs. 3",
            MajorityRule.ONE_MORE_FIXED, "KWahlG NRW § 33 Abs. 4"),
    /**
     * GKWG S-H § 10: list votes = sum of the votes of the party's district candidates (Abs. 1) [V-SEC
     * S15 lexaris]; winners of independents/parties without list deducted (Abs. 2) [V-SEC, sentence
     * truncated in the source]; Sainte-Laguë/Schepers (Abs. 3) [V-SEC]; Mehrsitze kept and further
     * seats added by the next highest averages until the last Mehrsitz is covered (Abs. 4), <b>without a cap</b>:
     * the official results reproduce the smallest covering size where the 2008 cap (at most twice as many further
     * seats as Mehrsitze) would have stopped earlier — Kiel 2018 (kiel.de press release 374 of 11.5.2018, final
     * votes: 49 seats, SPD 18 Wahlkreise for 15 by share → 59 seats as published; with the cap 55 + 2 uncovered =
     * 57) and Itzehoe 2023 (31 → 41) — and the SPD Schenefeld describes the current rule as "Vollausgleich aller
     * entstandenen Mehr…" (cut there in the stored copy) [V-SEC]. The statute's current sentence was not found
     * [UNV]. The 2008 d'Hondt wording
     * had the cap ("Die Anzahl der weiteren Sitze darf dabei jedoch das Doppelte der Anzahl der Mehrsitze nicht
     * übersteigen", quoted by wahlrecht.de 10.6.2008), counting the Mehrsitz party's own further seats (OVG
     * Schleswig 2 LB 28/09); {@code DirectMandateCouncilTest} reproduces that reading with Itzehoe 2008. The
     * majority clause (Abs. 5) applies to "der Verteilung der Sitze nach den Absätzen 2 bis 4", i.e. after the
     * Mehrsitze and further seats, and grows the body [V-SEC: wording quoted by the municipality of Lägerdorf,
     * 2023].
     */
    SCHLESWIG_HOLSTEIN(Method.WEBSTER, OptionalInt.empty(), Enlargement.SMALLEST_COVERING, "GKWG § 10 Abs. 4",
            MajorityRule.GROW, "GKWG § 10 Abs. 5");

    private final Method method;
    private final OptionalInt maxExtraPerOverhang;
    private final String paragraph;
    private final MajorityRule majorityRule;
    private final String majorityParagraph;

    private final Enlargement enlargement;

    DirectMandateLaw(Method method, OptionalInt maxExtraPerOverhang, Enlargement enlargement, String paragraph,
            MajorityRule majorityRule, String majorityParagraph) {
        this.method = method;
        this.enlargement = enlargement;
        this.maxExtraPerOverhang = maxExtraPerOverhang;
        this.paragraph = paragraph;
        this.majorityRule = majorityRule;
        this.majorityParagraph = majorityParagraph;
    }

    /** How the body grows with Überhang. */
    public Enlargement enlargement() {
        return enlargement;
    }

    /** The majority clause applied after the overhang step. */
    public MajorityRule majorityRule() {
        return majorityRule;
    }

    public String majorityParagraph() {
        return majorityParagraph;
    }

    public Method method() {
        return method;
    }

    /** Cap: additional seats per Überhang/Mehrsitz at the statutory size (empty = none). */
    public OptionalInt maxExtraPerOverhang() {
        return maxExtraPerOverhang;
    }

    public String paragraph() {
        return paragraph;
    }
}
