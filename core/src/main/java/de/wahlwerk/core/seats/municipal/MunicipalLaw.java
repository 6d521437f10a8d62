package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Exhaustion;
import de.wahlwerk.core.seats.Method;

/**
 * The rules for electing a municipal council or Kreistag in each Flächenland, per
 * ELECTORAL_LAW.md § 5.1 and § 1.5. {@code verified} says whether the item was found in a
 * statute text or mirror ([V-OFF]/[V-SEC]); rules marked unverified ([UNV]) are best guesses that
 * must be checked against the current statute before use (see docs/SEATS.md).
 *
 * <p>Not modelled here: Wahlbereiche/Wahlkreise (Sachsen § 22, Saarland, Niedersachsen, RLP, M-V);
 * unechte Teilortswahl (BW) is {@link Teilortswahl}; NRW/S-H Wahlbezirk winners with overhang and
 * compensation are {@link DirectMandateCouncil}; Sachsen-Anhalt's majority clause [UNV].
 */
public enum MunicipalLaw {
    /** KomWG § 25 Abs. 1 (Sainte-Laguë/Schepers), § 26 Abs. 1 (tie → list order); exhaustion [UNV]. */
    BADEN_WUERTTEMBERG(Method.WEBSTER, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false, MajorityRule.NONE),
    /** GLKrWG Art. 35 Abs. 2 (Sainte-Laguë/Schepers; list tie → candidate votes, else lot), Art. 35 Abs. 3 (vacant), Art. 36 (lot). */
    BAYERN(Method.WEBSTER, Ranking.PERSONAL_VOTES, CandidateTieRule.LOT, Exhaustion.VACANT, true, MajorityRule.NONE),
    /** Hare/Niemeyer [V-SEC]; candidate tie rule and exhaustion [UNV]. */
    BRANDENBURG(Method.HAMILTON, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false, MajorityRule.NONE),
    /**
     * KWG § 22 Abs. 3 Hare/Niemeyer, equal remainders for the last seat → lot (S. 4) (StGH 28.1.2026 voided the
     * d'Hondt switch); majority clause § 22 Abs. 4: the remainder seats are given "abweichend von Abs. 3" so that the
     * majority list first receives one further seat ({@link MajorityRule#REMAINDER_SEAT_FIRST}) [V-SEC: beginning of
     * the sentence (anwalt24), its effect described by BVerwG and Hess. VGH, see docs/SEATS.md]; candidate tie
     * rule [UNV].
     */
    HESSEN(Method.HAMILTON, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false,
            MajorityRule.REMAINDER_SEAT_FIRST),
    /** Hare/Niemeyer; unfilled seats vacant [V-SEC]; candidate tie rule [UNV]. */
    MECKLENBURG_VORPOMMERN(Method.HAMILTON, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false, MajorityRule.NONE),
    /**
     * NKWG § 36 Abs. 2 Hare/Niemeyer, equal remainders → lot; Abs. 3 majority clause (first remainder seat to the
     * majority list) [V-OFF voris wording]; the split between list and candidates (Abs. 4–5) and Wahlbereiche are not
     * modelled; candidate tie rule [UNV].
     */
    NIEDERSACHSEN(Method.HAMILTON, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false,
            MajorityRule.REMAINDER_SEAT_FIRST),
    /**
     * KWahlG § 33 Sainte-Laguë/Schepers (restored 2025) with bound Reserveliste; Zusatzmandat § 33 Abs. 4 at fixed
     * size ({@link MajorityRule#ONE_MORE_FIXED}, per the Innenministerium's description [V-SEC], wording [UNV]);
     * with Wahlbezirk winners see {@link DirectMandateCouncil}.
     */
    NORDRHEIN_WESTFALEN(Method.WEBSTER, Ranking.LIST_ORDER, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false,
            MajorityRule.ONE_MORE_FIXED),
    /** Sainte-Laguë/Schepers (Landeswahlleiter 2024) [V-SEC]; candidate tie rule [UNV]. */
    RHEINLAND_PFALZ(Method.WEBSTER, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false, MajorityRule.NONE),
    /** KWG § 41 Abs. 1 d'Hondt, closed lists, Fortführung des Höchstzahlverfahrens on exhaustion [V-SEC]. */
    SAARLAND(Method.DHONDT, Ranking.LIST_ORDER, CandidateTieRule.LIST_ORDER, Exhaustion.REDISTRIBUTE, false, MajorityRule.NONE),
    /** KomWG § 21 (one Wahlkreis): d'Hondt, candidates tie → list order (Abs. 2), majority clause Abs. 1 S. 5 [V-SEC]. */
    SACHSEN(Method.DHONDT, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false,
            MajorityRule.ONE_MORE_FIXED),
    /** Hare/Niemeyer, tie within list → list order [V-SEC]; its majority clause is [UNV] and not applied. */
    SACHSEN_ANHALT(Method.HAMILTON, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false, MajorityRule.NONE),
    /** GKWG § 10 Sainte-Laguë/Schepers, majority clause § 10 Abs. 5 (body grows); list order; with Wahlkreis winners and Mehrsitze see {@link DirectMandateCouncil}. */
    SCHLESWIG_HOLSTEIN(Method.WEBSTER, Ranking.LIST_ORDER, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false,
            MajorityRule.GROW),
    /**
     * ThürKWG § 22 Abs. 1 Hare/Niemeyer [V-SEC]; no threshold: the 5 % clause of § 22 Abs. 2 was declared void by
     * the ThürVerfGH (11.4.2008, VerfGH 22/05) [V-SEC]; seats beyond the candidates vacant (§ 22 Abs. 4) [V-SEC].
     */
    THUERINGEN(Method.HAMILTON, Ranking.PERSONAL_VOTES, CandidateTieRule.LIST_ORDER, Exhaustion.VACANT, false, MajorityRule.NONE);

    private final Method method;
    private final Ranking ranking;
    private final CandidateTieRule candidateTie;
    private final Exhaustion exhaustion;
    private final boolean listTieByCandidateVotes;
    private final MajorityRule majorityRule;

    MunicipalLaw(Method method, Ranking ranking, CandidateTieRule candidateTie, Exhaustion exhaustion,
            boolean listTieByCandidateVotes, MajorityRule majorityRule) {
        this.majorityRule = majorityRule;
        this.method = method;
        this.ranking = ranking;
        this.candidateTie = candidateTie;
        this.exhaustion = exhaustion;
        this.listTieByCandidateVotes = listTieByCandidateVotes;
    }

    public Method method() {
        return method;
    }

    public Ranking ranking() {
        return ranking;
    }

    public CandidateTieRule candidateTie() {
        return candidateTie;
    }

    public Exhaustion exhaustion() {
        return exhaustion;
    }

    /**
     * Bayern GLKrWG Art. 35 Abs. 2: equal highest averages are decided by the personal votes of the
     * candidates who would take the seat ("die in Betracht kommende sich bewerbende Person mit der
     * größeren Stimmenzahl"), and only then by lot. [V-SEC S11: quoted for the Hare/Niemeyer
     * wording of 2010–2019; that the current Sainte-Laguë wording keeps it is [UNV].]
     */
    public boolean listTieByCandidateVotes() {
        return listTieByCandidateVotes;
    }

    /** The majority clause of the Land's council law (ELECTORAL_LAW.md § 1.4). */
    public MajorityRule majorityRule() {
        return majorityRule;
    }

    /** The paragraph of the majority clause, for notes and lot reasons; empty without one. */
    public String majorityParagraph() {
        return switch (this) {
            case NORDRHEIN_WESTFALEN -> DirectMandateLaw.NORDRHEIN_WESTFALEN.majorityParagraph();
            case SCHLESWIG_HOLSTEIN -> DirectMandateLaw.SCHLESWIG_HOLSTEIN.majorityParagraph();
            case SACHSEN -> "KomWG § 21 Abs. 1 S. 5";
            case NIEDERSACHSEN -> "NKWG § 36 Abs. 3";
            case HESSEN -> "KWG § 22 Abs. 4";
            default -> "";
        };
    }
}
