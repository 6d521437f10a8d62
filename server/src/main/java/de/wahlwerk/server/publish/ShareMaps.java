package de.wahlwerk.server.publish;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.results.Formats;
import de.wahlwerk.server.results.ResultsView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps of one list's share per sub-area ("where is the SPD strong?"), for the lists with the most
 * votes in the area. They are rendered with the page, so their number is bounded ({@link #LISTS}):
 * a page with maps costs at most that many more map drawings per publication, nothing per request.
 * Each map has a sequential scale in {@link #CLASSES} equal steps between the lowest and highest
 * share shown, a legend naming each step's range, and the share written into every area; the table
 * {@link Table} holds the same numbers. Public, with its records, for compiled template
 * expressions (see {@link AreaPages}).
 */
public final class ShareMaps {

    /** At most this many lists get a map of their own (the largest by votes in the area). */
    static final int LISTS = 6;
    static final int CLASSES = 5;

    private ShareMaps() {}

    /** One list's map. */
    public record ShareMap(String group, String svg) {}

    /** The text alternative: one row per mapped sub-area, one column per mapped list. */
    public record Table(VoteKind kind, List<String> groups, List<TableRow> rows) {}

    public record TableRow(String name, String href, List<String> shares) {}

    public record Result(List<ShareMap> maps, Table table) {

        static final Result NONE = new Result(List.of(), null);
    }

    /**
     * @param mapped  the sub-areas that have an outline
     * @param title   the map's title for a list's name
     * @param noData  the label of an area without a report
     */
    static Result of(ResultsView view, List<AreaSnapshot> mapped, Map<de.wahlwerk.core.tally.AreaRef, Choropleth.Shape> shapes,
            VoteKind kind, Formats fmt, Function<String, String> title, String noData,
            Function<AreaSnapshot, String[]> nameAndHref) {
        List<String> groups = view.rows().stream().filter(r -> r.kind() == kind && r.votes() > 0)
                .sorted(Comparator.comparingLong(ResultsView.Row::votes).reversed().thenComparing(ResultsView.Row::group))
                .limit(LISTS).map(ResultsView.Row::group).toList();
        if (groups.isEmpty() || mapped.isEmpty()) {
            return Result.NONE;
        }
        List<ShareMap> maps = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String group = groups.get(g);
            double low = Double.MAX_VALUE;
            double high = -1;
            for (AreaSnapshot c : mapped) {
                Optional<Rational> s = c.all().share(kind, group);
                if (s.isPresent()) {
                    low = Math.min(low, AreaPages.percent(s.get()));
                    high = Math.max(high, AreaPages.percent(s.get()));
                }
            }
            int classes = high < 0 ? 0 : high > low ? CLASSES : 1;
            List<Choropleth.Region> regions = new ArrayList<>();
            for (AreaSnapshot c : mapped) {
                Optional<Rational> s = c.all().share(kind, group);
                String fill = "#ffffff";
                if (s.isPresent()) {
                    int k = classes == 1 ? 0 : Math.min(classes - 1, (int) Math.floor((AreaPages.percent(s.get()) - low) / (high - low) * classes));
                    fill = colour(k, classes);
                }
                regions.add(new Choropleth.Region(shapes.get(c.area().ref()), fill, s.map(fmt::percent).orElse(noData)));
            }
            List<Choropleth.LegendEntry> legend = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                double from = classes == 1 ? low : low + (high - low) * k / classes;
                double to = classes == 1 ? high : low + (high - low) * (k + 1) / classes;
                legend.add(new Choropleth.LegendEntry(colour(k, classes),
                        from == to ? fmt.percentOf(from / 100) : fmt.percentOf(from / 100) + " – " + fmt.percentOf(to / 100)));
            }
            if (regions.stream().anyMatch(r -> r.fill().equals("#ffffff"))) {
                legend.add(new Choropleth.LegendEntry("#ffffff", noData));
            }
            maps.add(new ShareMap(group, Choropleth.svg("map-share-" + g, title.apply(group), regions, legend)));
        }
        List<TableRow> rows = new ArrayList<>();
        for (AreaSnapshot c : mapped) {
            String[] nh = nameAndHref.apply(c);
            rows.add(new TableRow(nh[0], nh[1], groups.stream()
                    .map(group -> c.all().share(kind, group).map(fmt::percent).orElse(noData)).toList()));
        }
        // Immutable like NONE's: the template's compiled "m.shares().maps().isEmpty()" is bound to the
        // class it first met, and an ArrayList there fails on List.of()'s (see AreaPages.winners).
        return new Result(List.copyOf(maps), new Table(kind, groups, rows));
    }

    /** Step k of n on the light-to-dark scale; a single step takes the middle shade. */
    private static String colour(int k, int classes) {
        return Choropleth.shade(classes <= 1 ? .5 : (double) k / (classes - 1));
    }
}
