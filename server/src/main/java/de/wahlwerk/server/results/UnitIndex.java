package de.wahlwerk.server.results;

import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.TallyStructure;
import de.wahlwerk.core.tally.UnitSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The units below each area of a tally structure, worked out in one pass over the units and kept
 * while the structure lives (it is immutable: a changed setup builds a new one). History and
 * projection ask for every area they render; walking all 90,000 units for each of them made a
 * publication round O(areas × units).
 */
final class UnitIndex {

    /** The last few structures by identity (one per election being published). */
    private static final int KEEP = 8;
    private static final List<UnitIndex> RECENT = new ArrayList<>();

    private final TallyStructure structure;
    private final Map<AreaRef, List<UnitSpec>> below = new HashMap<>();

    private UnitIndex(TallyStructure structure) {
        this.structure = structure;
        Map<AreaRef, AreaRef> parent = new HashMap<>();
        for (AreaSpec a : structure.areas()) {
            if (a.parent() != null) {
                parent.put(a.ref(), a.parent());
            }
        }
        for (UnitSpec u : structure.units()) {
            for (Map.Entry<Hierarchy, String> leaf : u.leafAreas().entrySet()) {
                for (AreaRef r = new AreaRef(leaf.getKey(), leaf.getValue()); r != null; r = parent.get(r)) {
                    below.computeIfAbsent(r, k -> new ArrayList<>()).add(u);
                }
            }
        }
        below.replaceAll((k, v) -> List.copyOf(v));
    }

    static UnitIndex of(TallyStructure structure) {
        synchronized (RECENT) {
            for (UnitIndex i : RECENT) {
                if (i.structure == structure) {
                    return i;
                }
            }
        }
        UnitIndex built = new UnitIndex(structure);
        synchronized (RECENT) {
            RECENT.addFirst(built);
            while (RECENT.size() > KEEP) {
                RECENT.removeLast();
            }
        }
        return built;
    }

    /** The units whose leaf area in the area's hierarchy lies in the area, in the structure's order. */
    List<UnitSpec> unitsOf(AreaRef area) {
        return below.getOrDefault(area, List.of());
    }
}
