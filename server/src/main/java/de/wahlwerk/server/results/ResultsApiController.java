package de.wahlwerk.server.results;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.projection.Estimate;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Part;
import de.wahlwerk.core.tally.PartTotals;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal results of one area as JSON: the same numbers as the page. Counts are exact
 * integers; shares are strings with the exact fraction ({@code "2431/6997"}) and the percent
 * rounded half up to two decimals ({@code "34.74"}), so that no client has to trust a double.
 */
@RestController
@RequestMapping("/api/results")
class ResultsApiController {

    private final ResultsService results;

    ResultsApiController(ResultsService results) {
        this.results = results;
    }

    @GetMapping("/elections/{id}/areas/{hierarchy}/{key}")
    Map<String, Object> area(@PathVariable long id, @PathVariable String hierarchy, @PathVariable String key) {
        ResultsView v = results.view(id, hierarchy, key);
        AreaSnapshot a = v.area();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("electionId", v.election().id());
        m.put("hierarchy", v.ref().hierarchy().code());
        m.put("key", v.ref().key());
        m.put("level", a.area().level().name());
        m.put("parent", a.area().parent() == null ? null : a.area().parent().key());
        m.put("sequence", v.sequence());
        m.put("unitsReported", a.unitsReported());
        m.put("unitsExpected", a.unitsExpected());
        m.put("complete", a.complete());
        Map<String, Object> parts = new LinkedHashMap<>();
        for (Part p : Part.values()) {
            PartTotals t = a.part(p);
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("unitsReported", t.unitsReported());
            pm.put("unitsExpected", t.unitsExpected());
            pm.put("eligible", t.eligible());
            pm.put("voters", t.voters());
            pm.put("votersWithCard", t.votersWithCard());
            pm.put("turnout", share(t.turnout().orElse(null)));
            Map<String, Object> kinds = new LinkedHashMap<>();
            for (var k : v.voteKinds()) {
                Map<String, Object> km = new LinkedHashMap<>();
                km.put("invalid", t.invalid(k));
                km.put("valid", t.valid(k));
                km.put("votes", t.votes(k));
                kinds.put(k.name(), km);
            }
            pm.put("voteKinds", kinds);
            parts.put(p.name(), pm);
        }
        m.put("parts", parts);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ResultsView.Row r : v.rows()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("voteKind", r.kind().name());
            rm.put("group", r.group());
            rm.put("votes", r.votes());
            rm.put("share", share(r.share()));
            rm.put("previousShare", share(r.previousShare()));
            rm.put("changePoints", r.changePoints() == null ? null : Map.of("exact", r.changePoints().toString(),
                    "rounded", r.changePoints().toDecimal(2).toPlainString()));
            rows.add(rm);
        }
        m.put("rows", rows);
        m.put("previousAvailable", v.previousAvailable());
        m.put("projection", projection(v.projection()));
        m.put("history", history(v.history()));
        List<Map<String, Object>> children = new ArrayList<>();
        for (AreaSnapshot c : v.children()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("hierarchy", c.area().ref().hierarchy().code());
            cm.put("key", c.area().ref().key());
            cm.put("unitsReported", c.unitsReported());
            cm.put("unitsExpected", c.unitsExpected());
            cm.put("turnout", share(c.all().turnout().orElse(null)));
            children.add(cm);
        }
        m.put("children", children);
        return m;
    }

    private static Map<String, Object> projection(LiveAnalysis.ProjectionView p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("voteKind", p.kind().name());
        m.put("unitsReported", p.unitsReported());
        m.put("unitsExpected", p.unitsExpected());
        m.put("level", p.level());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LiveAnalysis.ProjectedRow r : p.rows()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("group", r.group());
            rm.put("counted", share(r.counted()));
            rm.put("projected", estimate(r.projected()));
            rows.add(rm);
        }
        m.put("shares", rows);
        m.put("countedTurnout", share(p.countedTurnout()));
        m.put("turnout", estimate(p.turnout()));
        return m;
    }

    private static Map<String, Object> estimate(Estimate e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> m = share(e.value());
        if (e.interval() != null) {
            m.put("low", percent(e.interval().low()));
            m.put("high", percent(e.interval().high()));
        }
        return m;
    }

    private static Map<String, Object> history(LiveAnalysis.HistoryView h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("voteKind", h.kind().name());
        List<Map<String, Object>> cols = new ArrayList<>();
        for (LiveAnalysis.HistoryColumn c : h.columns()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("label", c.label());
            cm.put("date", c.date() == null ? null : c.date().toString());
            cm.put("comparable", c.comparable());
            cols.add(cm);
        }
        m.put("elections", cols);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LiveAnalysis.HistoryRow r : h.rows()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("group", r.group());
            rm.put("shares", r.shares().stream().map(ResultsApiController::share).toList());
            rows.add(rm);
        }
        m.put("rows", rows);
        return m;
    }

    /** {"exact": "n/d", "percent": "12.34"}, or null. */
    static Map<String, Object> share(Rational r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exact", r.toString());
        m.put("percent", new java.math.BigDecimal(r.numerator()).multiply(java.math.BigDecimal.valueOf(100))
                .divide(new java.math.BigDecimal(r.denominator()), 2, RoundingMode.HALF_UP).toPlainString());
        return m;
    }

    private static String percent(double share) {
        return java.math.BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
