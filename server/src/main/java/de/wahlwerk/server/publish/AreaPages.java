package de.wahlwerk.server.publish;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.seats.direct.Referendum;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Leader;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.server.results.Formats;
import de.wahlwerk.server.results.ResultsView;
import de.wahlwerk.server.results.SeatReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the public page of one area in German and in English ({@code KEY.html} and
 * {@code KEY.en.html}), once per publication: everything a visitor sees is decided here, so that
 * serving is copying bytes. The template gets a ready model with the charts as SVG text.
 * Public, with the model's records, only so that SpEL can compile the templates' expressions
 * over them (application.yml); interpreted, they cost a reflective call each.
 */
@Component
public class AreaPages {

    static final List<Locale> LANGUAGES = List.of(Locale.GERMAN, Locale.ENGLISH);
    /** Areas with more stations than this list them on their sub-areas' pages instead. */
    static final int MAX_STATIONS = 150;

    private final ITemplateEngine templates;
    private final Formats fmt;
    private final MessageSource messages;
    private final Snapshots snapshots;

    private final String baseUrl;

    AreaPages(ITemplateEngine templates, Formats fmt, MessageSource messages, Snapshots snapshots,
            de.wahlwerk.server.ops.WahlwerkProperties properties) {
        // The embed code needs an absolute address; without a configured base URL it stays a path.
        this.baseUrl = properties.baseUrl().endsWith("/") ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
                : properties.baseUrl();
        this.templates = templates;
        this.fmt = fmt;
        this.messages = messages;
        this.snapshots = snapshots;
    }

    /** Path of an area's page in a language. */
    static String href(Election e, AreaRef ref, Locale lang) {
        return PublicSite.base(e) + ref.hierarchy().code() + "/" + ref.key() + suffix(lang) + ".html";
    }

    static String suffix(Locale lang) {
        return lang.getLanguage().equals("de") ? "" : "." + lang.getLanguage();
    }

    /** Lobby slide order per election, rebuilt when the structure changes. */
    private final java.util.Map<Long, java.util.Map.Entry<Object, LobbySlides>> lobby = new java.util.concurrent.ConcurrentHashMap<>();

    /** The area page, its embeddable widget and (for the top areas) its lobby slide, in both languages. */
    void publish(Election e, ResultsView view, Tally tally, PublicFacts facts, java.time.ZonedDateTime time) {
        var slides = lobby.compute(e.id(), (k, v) -> v != null && v.getKey() == tally.structure() ? v
                : java.util.Map.entry(tally.structure(), LobbySlides.of(tally))).getValue();
        int slide = slides.slide(view.ref());
        for (Locale lang : LANGUAGES) {
            Context context = new Context(lang);
            Model m = model(e, view, tally, facts, time, lang);
            context.setVariable("m", m);
            context.setVariable("fmt", fmt.in(lang));
            snapshots.put(href(e, view.ref(), lang), PublishedPage.of(templates.process("publish/area", context),
                    "text/html;charset=UTF-8"));
            snapshots.put(widgetHref(e, view.ref(), lang), PublishedPage.framable(templates.process("publish/widget", context),
                    "text/html;charset=UTF-8"));
            if (slide >= 0) {
                context.setVariable("next", lobbyHref(e, slides.next(slide), lang));
                snapshots.put(lobbyHref(e, slide, lang), PublishedPage.of(templates.process("publish/lobby", context),
                        "text/html;charset=UTF-8"));
            }
        }
    }

    /** The embeddable result of an area; the only public path other sites may frame. */
    static String widgetHref(Election e, AreaRef ref, Locale lang) {
        return PublicSite.base(e) + WIDGET + ref.hierarchy().code() + "/" + ref.key() + suffix(lang) + ".html";
    }

    static final String WIDGET = "widget/";

    static String lobbyHref(Election e, int slide, Locale lang) {
        return PublicSite.base(e) + "lobby/" + slide + suffix(lang) + ".html";
    }

    // ------------------------------------------------------------------ model

    public record Crumb(String href, String name) {}

    public record Chart(VoteKind kind, String votes, String changes, List<ResultsView.Row> rows) {}

    public record Child(String href, String name, long reported, long expected, String leader, String turnout) {}

    public record Winner(String href, String constituency, String candidate, String party, String share, boolean complete,
            boolean tie) {}

    public record SeatRow(String party, int seats, Integer constituencySeats, Integer listSeats) {}

    /**
     * @param elected     persons per list as the seat report names them
     * @param named       how many persons are named (0: say that none are known yet)
     * @param open        whether the list of persons starts expanded (small bodies only)
     * @param preliminary whether the persons are still preliminary (no final result recorded)
     */
    public record Seats(String svg, List<SeatRow> rows, int total, List<ElectedPersons.Party> elected, int named, boolean open,
            boolean preliminary) {}

    public record Ref(String yes, String no, String yesShare, String noShare, String quorum, String required,
            String decision) {}

    public record Model(Election election, ResultsView view, String lang, String title, String name, String level,
            String time, String label, String base, String self, String other, String otherLang, String json,
            String events, List<Crumb> crumbs, List<Chart> charts, List<Child> children, List<Winner> winners,
            Seats seats, Ref referendum, List<PollingStation> stations, int stationCount, boolean turnoutKnown,
            String widget, List<String> maps, ShareMaps.Result shares) {}

    private Model model(Election e, ResultsView view, Tally tally, PublicFacts facts, java.time.ZonedDateTime at, Locale lang) {
        Formats fmt = this.fmt.in(lang);
        String time = PublicTime.of(at, lang);
        AreaRef ref = view.ref();
        Locale other = lang.getLanguage().equals("de") ? Locale.ENGLISH : Locale.GERMAN;
        List<Crumb> crumbs = new ArrayList<>();
        for (AreaSnapshot p : view.path()) {
            crumbs.add(new Crumb(href(e, p.area().ref(), lang), facts.name(p.area().ref())));
        }
        String level = msg("areaLevel." + view.area().area().level(), lang);
        String label = facts.finalResult() ? msg("public.final", lang)
                : view.area().complete() ? msg("public.preliminaryComplete", lang) : msg("public.preliminary", lang);
        List<Chart> charts = new ArrayList<>();
        for (VoteKind k : view.voteKinds()) {
            List<ResultsView.Row> rows = view.rows().stream().filter(r -> r.kind() == k).toList();
            String kind = msg("voteKind." + k, lang);
            List<Svg.Bar> bars = rows.stream().map(r -> new Svg.Bar(r.group(), percent(r.share()),
                    fmt.percent(r.share()), PartyColours.of(r.group()))).toList();
            String votes = Svg.bars("chart-votes-" + k, msg("public.chart.votes", lang, kind, facts.name(ref)), bars);
            String changes = null;
            if (view.previousAvailable()) {
                List<Svg.Bar> ch = rows.stream().filter(r -> r.changePoints() != null)
                        .map(r -> new Svg.Bar(r.group(), points(r.changePoints()), fmt.points(r.changePoints()),
                                PartyColours.of(r.group())))
                        .toList();
                changes = Svg.changes("chart-changes-" + k, msg("public.chart.changes", lang, kind), ch);
            }
            charts.add(new Chart(k, votes, changes, rows));
        }
        VoteKind main = view.voteKinds().contains(VoteKind.SECOND) ? VoteKind.SECOND : view.voteKinds().getFirst();
        List<Child> children = new ArrayList<>();
        for (AreaSnapshot c : view.children()) {
            children.add(new Child(href(e, c.area().ref(), lang), facts.name(c.area().ref()), c.unitsReported(),
                    c.unitsExpected(), leader(c.leader(main), lang), fmt.percent(c.all().turnout())));
        }
        List<Winner> winners = winners(e, view, tally, facts, lang);
        Seats seats = seats(facts, lang, view, tally);
        Ref referendum = referendum(view, facts, lang);
        List<PollingStation> stations = facts.stations().getOrDefault(ref, List.of());
        int stationCount = stations.size();
        if (stationCount > MAX_STATIONS) {
            stations = List.of();
        }
        String title = facts.name(ref) + " – " + e.name();
        return new Model(e, view, lang.getLanguage(), title, facts.name(ref), level, time, label, PublicSite.base(e),
                href(e, ref, lang), href(e, ref, other), other.getLanguage(),
                PublicSite.base(e) + ref.hierarchy().code() + "/" + ref.key() + ".json", LiveFeed.PATH + e.id(),
                crumbs, charts, children, winners, seats, referendum, stations, stationCount,
                view.area().all().turnout().isPresent(), baseUrl + widgetHref(e, ref, lang),
                maps(view, facts, main, lang), shareMaps(e, view, facts, main, lang));
    }

    /** Leading list and turnout of the sub-areas that have an outline; none without geometry. */
    private List<String> maps(ResultsView view, PublicFacts facts, VoteKind main, Locale lang) {
        Formats fmt = this.fmt.in(lang);
        List<AreaSnapshot> mapped = view.children().stream().filter(c -> facts.shapes().containsKey(c.area().ref())).toList();
        if (mapped.isEmpty()) {
            return List.of();
        }
        String noData = msg("public.map.noData", lang);
        List<Choropleth.Region> leaders = new ArrayList<>();
        List<Choropleth.Region> turnout = new ArrayList<>();
        double low = 1;
        double high = 0;
        for (AreaSnapshot c : mapped) {
            var t = c.all().turnout();
            if (t.isPresent()) {
                low = Math.min(low, percent(t.get()) / 100);
                high = Math.max(high, percent(t.get()) / 100);
            }
        }
        for (AreaSnapshot c : mapped) {
            Choropleth.Shape shape = facts.shapes().get(c.area().ref());
            Leader l = c.leader(main);
            if (l instanceof Leader.Single s) {
                leaders.add(new Choropleth.Region(shape, PartyColours.of(s.group()), s.group()));
            } else {
                leaders.add(new Choropleth.Region(shape, "#ffffff", l instanceof Leader.Tie ? msg("public.tie", lang) : noData));
            }
            var t = c.all().turnout();
            double v = t.map(x -> percent(x) / 100).orElse(-1.0);
            turnout.add(new Choropleth.Region(shape, v < 0 ? "#ffffff" : Choropleth.shade(high > low ? (v - low) / (high - low) : .5),
                    t.isPresent() ? fmt.percent(t.get()) : noData));
        }
        return List.of(
                Choropleth.svg("map-leader", msg("public.map.leader", lang, msg("voteKind." + main, lang)), leaders),
                Choropleth.svg("map-turnout", msg("public.map.turnout", lang), turnout));
    }

    /** The share of each of the largest lists per sub-area with an outline (see {@link ShareMaps}). */
    private ShareMaps.Result shareMaps(Election e, ResultsView view, PublicFacts facts, VoteKind main, Locale lang) {
        List<AreaSnapshot> mapped = view.children().stream().filter(c -> facts.shapes().containsKey(c.area().ref())).toList();
        String kind = msg("voteKind." + main, lang);
        return ShareMaps.of(view, mapped, facts.shapes(), main, fmt.in(lang), group -> msg("public.map.share", lang, group, kind),
                msg("public.map.noData", lang),
                c -> new String[] {facts.name(c.area().ref()), href(e, c.area().ref(), lang)});
    }

    /**
     * On a constituency's page its own leader; on a top-level page every constituency of the
     * election (elsewhere none: the list would repeat on thousands of pages).
     */
    private List<Winner> winners(Election e, ResultsView view, Tally tally, PublicFacts facts, Locale lang) {
        Formats fmt = this.fmt.in(lang);
        // Always an ArrayList, also when empty: the template's compiled "m.winners().isEmpty()" is
        // bound to the class it first met, and an ArrayList there failed on List.of()'s class and
        // was compiled again (PageExpressionsIT, when the test towns' pages rendered first).
        if (!view.voteKinds().contains(VoteKind.FIRST)) {
            return new ArrayList<>();
        }
        java.util.Collection<de.wahlwerk.core.tally.ConstituencyLeader> leaders;
        if (view.area().area().level() == AreaLevel.CONSTITUENCY) {
            leaders = List.of(new de.wahlwerk.core.tally.ConstituencyLeader(view.ref(), view.area().leader(VoteKind.FIRST),
                    view.area().complete()));
        } else if (view.area().area().parent() == null) {
            leaders = tally.constituencyLeaders(VoteKind.FIRST).values();
        } else {
            return new ArrayList<>();
        }
        List<Winner> out = new ArrayList<>();
        for (var cl : leaders) {
            AreaRef c = cl.area();
            AreaSnapshot s = tally.snapshot(c);
            String party;
            String candidate;
            boolean tie = false;
            Rational share = null;
            switch (cl.leader()) {
                case Leader.Single single -> {
                    party = single.group();
                    candidate = facts.candidates().getOrDefault(c.key(), java.util.Map.of()).getOrDefault(party, party);
                    share = s.all().share(VoteKind.FIRST, party).orElse(null);
                }
                case Leader.Tie t -> {
                    party = String.join(" / ", t.groups());
                    candidate = msg("public.tie", lang);
                    tie = true;
                }
                default -> {
                    continue;
                }
            }
            out.add(new Winner(href(e, c, lang), facts.name(c), candidate, party, fmt.percent(share), cl.complete(), tie));
        }
        return out;
    }

    /** The hemicycle on top-level pages only: seats belong to the whole electoral area. */
    private Seats seats(PublicFacts facts, Locale lang, ResultsView view, Tally tally) {
        SeatReport report = facts.seats();
        if (report == null || report.status() != SeatReport.Status.DECIDED || report.parties() == null
                || view.area().area().parent() != null || view.area().area().level() == AreaLevel.CONSTITUENCY) {
            return null;
        }
        List<SeatReport.PartyRow> parties = report.parties().stream().filter(p -> p.seats() > 0).toList();
        if (parties.isEmpty()) {
            return null;
        }
        List<SeatRow> rows = parties.stream()
                .map(p -> new SeatRow(p.party(), p.seats(), p.constituencySeats(), p.listSeats())).toList();
        int total = parties.stream().mapToInt(SeatReport.PartyRow::seats).sum();
        String svg = Svg.hemicycle("chart-seats", msg("public.seats.chart", lang, Integer.toString(total)),
                parties.stream().map(p -> new Svg.Seats(p.party(), p.seats(), PartyColours.of(p.party()))).toList());
        // Constituency names as set up (a live seat report knows only their numbers).
        java.util.Map<String, String> constituencies = new java.util.HashMap<>();
        for (var cl : tally.constituencyLeaders(VoteKind.FIRST).values()) {
            constituencies.put(cl.area().key(), facts.name(cl.area()));
        }
        // Land names as set up (a live seat report names the Länder by their keys).
        java.util.Map<String, String> lands = new java.util.HashMap<>();
        for (var snapshot : tally.snapshots()) {
            if (snapshot.area().level() == AreaLevel.STATE) {
                lands.put(snapshot.area().ref().key(), facts.name(snapshot.area().ref()));
            }
        }
        List<ElectedPersons.Party> elected = ElectedPersons.of(report, parties, facts.candidates(), constituencies, lands);
        return new Seats(svg, rows, total, elected, ElectedPersons.named(elected), total <= ElectedPersons.OPEN_UP_TO,
                !facts.finalResult());
    }

    private Ref referendum(ResultsView view, PublicFacts facts, Locale lang) {
        Formats fmt = this.fmt.in(lang);
        if (!view.voteKinds().contains(VoteKind.YES_NO) || facts.yesGroup() == null || facts.noGroup() == null) {
            return null;
        }
        var all = view.area().all();
        long yes = all.votes(VoteKind.YES_NO, facts.yesGroup());
        long no = all.votes(VoteKind.YES_NO, facts.noGroup());
        String quorum = facts.quorum() == null ? msg("public.referendum.quorumUnknown", lang) : fmt.percent(facts.quorum());
        String required = "–";
        String decision = msg("public.referendum.open", lang);
        if (facts.quorum() != null) {
            Referendum.Result r = Referendum.decide(yes, no, all.eligible(), facts.quorum());
            required = fmt.count(r.required());
            if (view.area().complete()) {
                decision = msg("public.referendum." + r.decision(), lang);
            }
        }
        return new Ref(fmt.count(yes), fmt.count(no), fmt.percent(all.share(VoteKind.YES_NO, facts.yesGroup())),
                fmt.percent(all.share(VoteKind.YES_NO, facts.noGroup())), quorum, required, decision);
    }

    private String leader(Leader l, Locale lang) {
        return switch (l) {
            case Leader.Single s -> s.group();
            case Leader.Tie t -> msg("public.tie", lang) + ": " + String.join(" / ", t.groups());
            default -> "–";
        };
    }

    private String msg(String key, Locale lang, Object... args) {
        return messages.getMessage(key, args, lang);
    }

    static double percent(Rational share) {
        return share == null ? 0 : share.multiply(10_000).floor().doubleValue() / 100;
    }

    static double points(Rational change) {
        return change == null ? 0 : change.multiply(100).floor().doubleValue() / 100;
    }
}
