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
     * the enlarged size (e.g. to an odd number), is [UNV]. Abs. 4 Zusatzmandat is not applied.
     */
    NORDRHEIN_WESTFALEN(Method.WEBSTER, OptionalInt.empty(), "KWahlG NRW § 33 Abs. 3"),
    /**
     * GKWG S-H § 10: list votes = sum of the votes of the party's district candidates (Abs. 1) [V-SEC
     * S15 lexaris]; winners of independents/parties without list deducted (Abs. 2) [V-SEC, sentence
     * truncated in the source]; Sainte-Laguë/Schepers (Abs. 3) [V-SEC]; Mehrsitze kept and further
     * seats added until covered (Abs. 4) with at most twice as many further seats as Mehrsitze [UNV:
     * the cap's wording was not found]. The majority clause (Abs. 5) is not applied on this path.
     */
    SCHLESWIG_HOLSTEIN(Method.WEBSTER, OptionalInt.of(2), "GKWG § 10 Abs. 4");

    private final Method method;
    private final OptionalInt maxExtraPerOverhang;
    private final String paragraph;

    DirectMandateLaw(Method method, OptionalInt maxExtraPerOverhang, String paragraph) {
        this.method = method;
        this.maxExtraPerOverhang = maxExtraPerOverhang;
        this.paragraph = paragraph;
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
