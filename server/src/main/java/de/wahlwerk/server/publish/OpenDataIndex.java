package de.wahlwerk.server.publish;

import de.wahlwerk.core.formats.OffeneWahldatenWriter;
import de.wahlwerk.core.formats.OffeneWahldatenWriter.FileType;
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

    /**
     * {@code /wahlen/<election>/index.json}.
     *
     * @param owd        the election's Offene-Wahldaten files, null when the format has no layout for it
     * @param resultsAt  when the result file was written (its file name carries it)
     */
    static Map<String, Object> election(Election e, OpenDataRows rows, Tally tally, OffeneWahldatenFiles owd,
            java.time.LocalDateTime resultsAt) {
        Map<String, Object> m = entry(e, rows);
        m.remove("index");
        m.put("sequence", tally.sequence());
        m.put("nist", PublicSite.base(e) + OpenDataFiles.NIST);
        m.put("offeneWahldaten", owd == null ? null : offeneWahldaten(e, owd, resultsAt));
        List<Map<String, Object>> areas = new ArrayList<>();
        tally.snapshots().stream()
                .sorted(Comparator.comparing((AreaSnapshot s) -> s.area().ref().hierarchy().code())
                        .thenComparing(s -> s.area().ref().key()))
                .forEach(s -> areas.add(area(e, rows, s)));
        m.put("areas", areas);
        return m;
    }

    /** The five files with their paths and the names the fhswf converter would give them. */
    private static Map<String, Object> offeneWahldaten(Election e, OffeneWahldatenFiles owd, java.time.LocalDateTime resultsAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", OffeneWahldatenWriter.VERSION);
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileType t : FileType.values()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", t.label());
            f.put("path", PublicSite.base(e) + OffeneWahldatenFiles.path(t));
            f.put("fileName", owd.fileName(t, resultsAt));
            files.add(f);
        }
        m.put("files", files);
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
