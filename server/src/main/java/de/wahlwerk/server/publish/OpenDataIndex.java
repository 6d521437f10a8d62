package de.wahlwerk.server.publish;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable table of contents of the public site (described in openapi.yaml): which
 * elections are published, and per election every area with the addresses of its page, JSON and
 * open-data files, so that a client never has to guess a path.
 */
final class OpenDataIndex {

    private OpenDataIndex() {}

    /** One entry of {@code /wahlen/index.json}. */
    static Map<String, Object> entry(Election e, OpenDataRows rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("kind", e.kind().name());
        m.put("date", rows.input().day().date().toString());
        m.put("index", PublicSite.base(e) + "index.json");
        return m;
    }

    /** {@code /wahlen/<election>/index.json}. */
    static Map<String, Object> election(Election e, OpenDataRows rows, Tally tally) {
        Map<String, Object> m = entry(e, rows);
        m.remove("index");
        m.put("sequence", tally.sequence());
        m.put("nist", PublicSite.base(e) + OpenDataFiles.NIST);
        List<Map<String, Object>> areas = new ArrayList<>();
        tally.snapshots().stream()
                .sorted(Comparator.comparing((AreaSnapshot s) -> s.area().ref().hierarchy().code())
                        .thenComparing(s -> s.area().ref().key()))
                .forEach(s -> areas.add(area(e, rows, s)));
        m.put("areas", areas);
        return m;
    }

    private static Map<String, Object> area(Election e, OpenDataRows rows, AreaSnapshot s) {
        AreaRef ref = s.area().ref();
        Area a = rows.area(ref);
        String path = PublicSite.base(e) + ref.hierarchy().code() + "/" + ref.key();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hierarchy", ref.hierarchy().code());
        m.put("key", ref.key());
        m.put("name", a == null ? ref.key() : a.name());
        m.put("level", s.area().level().name());
        AreaRef parent = s.area().parent();
        m.put("parent", parent == null ? null : Map.of("hierarchy", parent.hierarchy().code(), "key", parent.key()));
        m.put("unitsReported", s.unitsReported());
        m.put("unitsExpected", s.unitsExpected());
        m.put("html", path + ".html");
        m.put("json", path + ".json");
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("gebiet", path + "/votemanager-gebiet.csv");
        vm.put("wahlbezirke", path + "/votemanager-wahlbezirke.csv");
        vm.put("teilgebiete", rows.children(ref).isEmpty() ? null : path + "/votemanager-teilgebiete.csv");
        m.put("votemanager", vm);
        return m;
    }
}
