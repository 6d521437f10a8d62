package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The spellings of enumerated values in bundle files: the model's enum names in lower case
 * (so that files and API share one vocabulary, see GLOSSARY.md), plus the German words officials
 * use for the unit kinds and for yes/no.
 */
final class BundleCodes {

    static final Map<String, AreaLevel> AREA_LEVELS = codes(AreaLevel.values());
    static final Map<String, ElectionKind> ELECTION_KINDS = codes(ElectionKind.values());
    static final Map<String, VoteKind> VOTE_KINDS = codes(VoteKind.values());
    static final Map<String, GroupKind> GROUP_KINDS = codes(GroupKind.values());
    static final Map<String, UnitKind> UNIT_KINDS = Map.of(
            "wahlbezirk", UnitKind.POLLING, "polling", UnitKind.POLLING,
            "briefwahlbezirk", UnitKind.POSTAL, "postal", UnitKind.POSTAL);
    static final Map<String, Boolean> YES_NO = Map.of("ja", true, "nein", false, "yes", true, "no", false);

    /**
     * Same rule as {@code core.model.Hierarchy}. Duplicated because that class currently fails to
     * initialise (its constants are created before its pattern), so calling it would throw.
     */
    private static final java.util.regex.Pattern HIERARCHY = java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private BundleCodes() {}

    static boolean isHierarchy(String code) {
        return code != null && HIERARCHY.matcher(code).matches();
    }

    static String code(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String list(Map<String, ?> codes) {
        return String.join(", ", new java.util.TreeSet<>(codes.keySet()));
    }

    private static <E extends Enum<E>> Map<String, E> codes(E[] values) {
        return Arrays.stream(values).collect(Collectors.toMap(BundleCodes::code, e -> e, (a, b) -> a, TreeMap::new));
    }
}
