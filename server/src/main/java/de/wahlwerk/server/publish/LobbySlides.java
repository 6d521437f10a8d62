package de.wahlwerk.server.publish;

import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the lobby slides (town-hall screens): the top areas of every hierarchy, then their
 * direct sub-areas, at most {@link #MAX} slides. Computed once per tally structure.
 */
final class LobbySlides {

    static final int MAX = 60;

    private final Map<AreaRef, Integer> position;
    private final int count;

    private LobbySlides(List<AreaRef> order) {
        this.position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        this.count = order.size();
    }

    static LobbySlides of(Tally tally) {
        Comparator<AreaSpec> byRef = Comparator.comparing((AreaSpec a) -> a.ref().hierarchy().code())
                .thenComparing(a -> a.ref().key());
        List<AreaSpec> roots = tally.structure().areas().stream().filter(a -> a.parent() == null).sorted(byRef).toList();
        List<AreaRef> order = new ArrayList<>();
        roots.forEach(r -> order.add(r.ref()));
        for (AreaSpec r : roots) {
            tally.structure().areas().stream().filter(a -> r.ref().equals(a.parent())).sorted(byRef)
                    .forEach(a -> order.add(a.ref()));
        }
        return new LobbySlides(order.size() > MAX ? order.subList(0, MAX) : order);
    }

    /** Slide number of the area, or -1 if it has none. */
    int slide(AreaRef ref) {
        return position.getOrDefault(ref, -1);
    }

    int next(int slide) {
        return (slide + 1) % count;
    }
}
