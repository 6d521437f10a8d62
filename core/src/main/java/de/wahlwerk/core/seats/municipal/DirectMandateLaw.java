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
     * KWahlG NRW § 33 (Sainte-Laguë/Schepers restored for 14.9.2025 after VerfGH NRW 20.5.2025).
     * Abs. 2 S. 1: successful Wahlbezirk candidates who stood as independents or for a party without
     * Reserveliste are deducted from the size ("bereinigte Gremiengröße") [V-SEC S17, 2024 wording,
     * unchanged by the 2025 restoration: UNV]. Abs. 3: with Überhangmandate the size "wird … um so viele
     * Sitze erhöht, wie notwendig sind, um bei erneuter Berechnung" every party's direct mandates to be
     * covered [V-SEC S17 lexmea, 2024 wording; mik.nrw.de "um die Zahl der Überhangmandate und um
     * Ausgleichsmandate zu erhöhen, damit wiederum ein Verhältnisausgleich nach dem Divisorverfahren
     * erzielt werden kann"; mik.nrw.de "Wahlsystem": "vollständiger Verhältnisausgleich" — both describe the
     * Sainte-Laguë version of 2007–2024, which the Landtag put back into force in June 2025 ("das alte
     * Kommunalwahlrecht wieder in Kraft gesetzt", dpa/n-tv; draft of CDU, SPD, Grüne, FDP: "Rückkehr zum
     * etablierten … Verfahren") [V-SEC S9, S17]]; no cap. The exact restored wording, and whether it rounds
     * the enlarged size (e.g. to an odd number), is [UNV]; wahlrecht.de (19.9.2009) reports that the 2009 wording
     * computed the enlarged size by a formula (Abs. 3 S. 2–3) that can exceed the smallest covering size (Witten
     * 2009: 66 instead of 64) — see docs/SEATS.md, not applied here. Abs. 4 Zusatzmandat after Abs. 3 at the final
     * size ({@link MajorityRule#ONE_MORE_FIXED}) [V-SEC mik.nrw.de description; wording UNV].
     */
    NORDRHEIN_WESTFALEN(Method.WEBSTER, OptionalInt.empty(), "KWahlG NRW § 33 Abs. 3", MajorityRule.ONE_MORE_FIXED,
            "KWahlG NRW § 33 Abs. 4"),
    /**
     * GKWG S-H § 10: list votes = sum of the votes of the party's district candidates (Abs. 1) [V-SEC
     * S15 lexaris]; winners of independents/parties without list deducted (Abs. 2) [V-SEC, sentence
     * truncated in the source]; Sainte-Laguë/Schepers (Abs. 3) [V-SEC]; Mehrsitze kept and further
     * seats added until covered (Abs. 4) with at most twice as many further seats as Mehrsitze [UNV:
     * the cap's wording was not found]. The majority clause (Abs. 5) applies to "der Verteilung der Sitze nach den
     * Absätzen 2 bis 4", i.e. after the Mehrsitze and further seats, and grows the body [V-SEC: wording quoted by
     * the municipality of Lägerdorf, 2023].
     */
    SCHLESWIG_HOLSTEIN(Method.WEBSTER, OptionalInt.of(2), "GKWG § 10 Abs. 4", MajorityRule.GROW, "GKWG § 10 Abs. 5");

    private final Method method;
    private final OptionalInt maxExtraPerOverhang;
    private final String paragraph;
    private final MajorityRule majorityRule;
    private final String majorityParagraph;

    DirectMandateLaw(Method method, OptionalInt maxExtraPerOverhang, String paragraph, MajorityRule majorityRule,
            String majorityParagraph) {
        this.method = method;
        this.maxExtraPerOverhang = maxExtraPerOverhang;
        this.paragraph = paragraph;
        this.majorityRule = majorityRule;
        this.majorityParagraph = majorityParagraph;
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
