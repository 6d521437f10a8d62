package de.wahlwerk.core.seats.bundestag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * German population per Land on 31.5.2021, the basis of the Sitzkontingente of the Bundestag
 * election 2021 (BWG 2020 § 6 Abs. 2 S. 1 a.F.), as published by the Bundeswahlleiter with the
 * Sitzkontingente (press release 9.9.2021; values as mirrored in anuejn/bundestagswahlrechtsreform
 * data_cleaned/einwohnerdaten/2021.json). [V-SEC] — reproduces the published Sitzkontingente
 * (Bundestag2021OfficialTest).
 */
public final class Population2021 {

    private Population2021() {}

    /** Land name (as in kerg2) → German population. */
    public static final Map<String, Long> GERMANS;

    static {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("Schleswig-Holstein", 2_659_792L);
        m.put("Mecklenburg-Vorpommern", 1_532_412L);
        m.put("Hamburg", 1_537_766L);
        m.put("Niedersachsen", 7_207_587L);
        m.put("Bremen", 548_941L);
        m.put("Brandenburg", 2_397_701L);
        m.put("Sachsen-Anhalt", 2_056_177L);
        m.put("Berlin", 2_942_960L);
        m.put("Nordrhein-Westfalen", 15_415_642L);
        m.put("Sachsen", 3_826_905L);
        m.put("Hessen", 5_222_158L);
        m.put("Thüringen", 1_996_822L);
        m.put("Rheinland-Pfalz", 3_610_865L);
        m.put("Bayern", 11_328_866L);
        m.put("Baden-Württemberg", 9_313_413L);
        m.put("Saarland", 865_191L);
        GERMANS = Collections.unmodifiableMap(m);
    }
}
