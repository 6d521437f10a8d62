package de.wahlwerk.core.register;

/**
 * The 16 Länder with the defaults of their municipal and Landtag franchise. Each value carries a
 * verification tag in its comment (legend as in ELECTORAL_LAW.md: V-SEC secondary source, UNV not
 * verified); the office can override every default when it builds the roll, and must check the
 * UNV ones against the current statute.
 *
 * <p>Voting age 16 in municipal elections in BW, BE, BB, HB, HH, MV, NI, NW, ST, SH, TH; 18 in BY,
 * HE, RP, SL, SN [V-SEC mittelhessen.de overview; zdf.de 2018]. Landtag at 16 in BW, BB, HB, HH,
 * MV, SH [V-SEC zitatsuchmaschine quote], elsewhere 18 [UNV]. NRW: main residence since the 16th
 * day before the election [V-SEC mik.nrw.de]. RLP: 3 months in the Wahlgebiet [V-SEC
 * rhein-zeitung.de]. All other residence periods [UNV].
 */
public enum State {
    SH("01", 16, 16, ResidenceRule.weeks(6)),      // GKWG § 3: six weeks [UNV]
    HH("02", 16, 16, ResidenceRule.months(3)),     // Bezirksversammlung [UNV period]
    NI("03", 16, 18, ResidenceRule.months(3)),     // NKWG § 48 NKomVG [UNV period]
    HB("04", 16, 16, ResidenceRule.months(3)),     // [UNV period]
    NW("05", 16, 18, ResidenceRule.days(16)),      // KWahlG § 7 [V-SEC]
    HE("06", 18, 18, ResidenceRule.weeks(6)),      // HGO § 30: six weeks [UNV]
    RP("07", 18, 18, ResidenceRule.months(3)),     // [V-SEC rhein-zeitung.de; a 2024 lowering to 16 is UNV]
    BW("08", 16, 16, ResidenceRule.months(3)),     // GemO § 12 [UNV period]
    BY("09", 18, 18, ResidenceRule.months(2)),     // GLKrWG Art. 1: two months [UNV]
    SL("10", 18, 18, ResidenceRule.months(3)),     // [UNV period]
    BE("11", 16, 18, ResidenceRule.months(3)),     // BVV [UNV period]
    BB("12", 16, 16, ResidenceRule.months(3)),     // [UNV period]
    MV("13", 16, 16, ResidenceRule.days(37)),      // KWG M-V: 37 days [UNV]
    SN("14", 18, 18, ResidenceRule.months(3)),     // [UNV period]
    ST("15", 16, 18, ResidenceRule.months(3)),     // [UNV period]
    TH("16", 16, 18, ResidenceRule.months(3));     // [UNV period]

    private final String agsPrefix;
    private final int municipalAge;
    private final int landtagAge;
    private final ResidenceRule municipalResidence;

    State(String agsPrefix, int municipalAge, int landtagAge, ResidenceRule municipalResidence) {
        this.agsPrefix = agsPrefix;
        this.municipalAge = municipalAge;
        this.landtagAge = landtagAge;
        this.municipalResidence = municipalResidence;
    }

    public int municipalAge() {
        return municipalAge;
    }

    public int landtagAge() {
        return landtagAge;
    }

    public ResidenceRule municipalResidence() {
        return municipalResidence;
    }

    /** The Land of an official key (AGS or any key starting with the 2-digit Land number), or null. */
    public static State ofKey(String officialKey) {
        if (officialKey == null || officialKey.length() < 2) {
            return null;
        }
        String prefix = officialKey.substring(0, 2);
        for (State s : values()) {
            if (s.agsPrefix.equals(prefix)) {
                return s;
            }
        }
        return null;
    }
}
