package de.wahlwerk.core.seats.cli;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.formats.AkdbCouncilReader;
import de.wahlwerk.core.formats.ImportException;
import de.wahlwerk.core.formats.Kerg2Reader;
import de.wahlwerk.core.formats.KergResult;
import de.wahlwerk.core.formats.LandtagBayernXmlReader;
import de.wahlwerk.core.formats.ResultFile;
import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.formats.VotemanagerCsvReader;
import de.wahlwerk.core.formats.VotemanagerLayout;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.ApportionmentExplanation;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import de.wahlwerk.core.seats.bundestag.Bundestag2021;
import de.wahlwerk.core.seats.bundestag.Bundestag2021Result;
import de.wahlwerk.core.seats.bundestag.Bundestag2025;
import de.wahlwerk.core.seats.bundestag.Bundestag2025Result;
import de.wahlwerk.core.seats.bundestag.BundestagVotes;
import de.wahlwerk.core.seats.bundestag.Population2021;
import de.wahlwerk.core.seats.landtag.LandtagBayern;
import de.wahlwerk.core.seats.landtag.LandtagBayernResult;
import de.wahlwerk.core.seats.landtag.WahlkreisVotes;
import de.wahlwerk.core.seats.municipal.CouncilCandidate;
import de.wahlwerk.core.seats.municipal.CouncilElection;
import de.wahlwerk.core.seats.municipal.CouncilList;
import de.wahlwerk.core.seats.municipal.CouncilMajority;
import de.wahlwerk.core.seats.municipal.CouncilResult;
import de.wahlwerk.core.seats.municipal.DirectMandateCouncil;
import de.wahlwerk.core.seats.municipal.DirectMandateLaw;
import de.wahlwerk.core.seats.municipal.MunicipalLaw;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.ResourceBundle;

/**
 * {@code ./wahlwerk seats LAW FILE [--detail] [--elected] [--seats N] [--winners LIST=N,…]}: the seat distribution of a
 * published result file, as CSV on stdout ({@code list;seats}); {@code --detail} adds the step
 * table with the margins of every list, {@code --elected} the elected candidates (council files
 * with candidate votes) or, for the Bundestag, whose files name no one, the Wahlkreis and list
 * seats per Landesliste. No Spring, no database: a plain {@code main} the launcher starts with
 * {@code java -cp}. This package is the only place in core that writes to streams.
 *
 * <p>Exit codes: 0 decided, 1 file unreadable, wrong or not fitting the law, 2 wrong call,
 * 3 a lot is required (the tie is named on stderr).
 */
public final class SeatsFileCommand {

    public static final int DECIDED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LOT_REQUIRED = 3;


    static final Map<String, MunicipalLaw> LANDS = new LinkedHashMap<>();

    static {
        LANDS.put("bw", MunicipalLaw.BADEN_WUERTTEMBERG);
        LANDS.put("by", MunicipalLaw.BAYERN);
        LANDS.put("bb", MunicipalLaw.BRANDENBURG);
        LANDS.put("he", MunicipalLaw.HESSEN);
        LANDS.put("mv", MunicipalLaw.MECKLENBURG_VORPOMMERN);
        LANDS.put("ni", MunicipalLaw.NIEDERSACHSEN);
        LANDS.put("nw", MunicipalLaw.NORDRHEIN_WESTFALEN);
        LANDS.put("rp", MunicipalLaw.RHEINLAND_PFALZ);
        LANDS.put("sl", MunicipalLaw.SAARLAND);
        LANDS.put("sn", MunicipalLaw.SACHSEN);
        LANDS.put("st", MunicipalLaw.SACHSEN_ANHALT);
        LANDS.put("sh", MunicipalLaw.SCHLESWIG_HOLSTEIN);
        LANDS.put("th", MunicipalLaw.THUERINGEN);
    }

    /** Elections in votemanager files that are not a council or Kreistag (one-vote layout is shared with them). */
    private static final java.util.regex.Pattern NOT_A_COUNCIL = java.util.regex.Pattern.compile(
            "landrat|bürgermeister|buergermeister|bundestag|landtag|europa|bürgerentscheid|buergerentscheid|stichwahl");

    private static final LocalDate BWG_2023_FROM = LocalDate.of(2025, 1, 1);

    private final PrintStream out;
    private final PrintStream err;
    private final ResourceBundle texts;

    private SeatsFileCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.texts = ResourceBundle.getBundle("de.wahlwerk.core.seats.cli.messages", Locale.ROOT);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command; never throws, returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SeatsFileCommand c = new SeatsFileCommand(out, err);
        try {
            return c.execute(args);
        } catch (Failure f) {
            err.println(f.getMessage());
            return f.code;
        } catch (RuntimeException | StackOverflowError e) {
            err.println(c.text("internal", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            return FAILED;
        }
    }

    // ---- call ----

    /** {@code winners}: district winners per list id (NRW/S-H), key {@link #WITHOUT_LIST} for those without a list; null if not given. */
    private record Call(String law, Path file, boolean detail, boolean elected, Integer seats, Map<String, Integer> winners) {}

    /** Key of {@code --winners} for district winners without a list (independents, parties without Reserveliste). */
    static final String WITHOUT_LIST = "ohne Liste";

    private Call parse(String[] args) {
        List<String> positional = new ArrayList<>();
        boolean detail = false;
        boolean elected = false;
        Integer seats = null;
        Map<String, Integer> winners = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--detail" -> detail = true;
                case "--elected" -> elected = true;
                case "--seats" -> {
                    if (i + 1 >= args.length) {
                        throw usage("usage.seats", "");
                    }
                    String v = args[++i];
                    try {
                        seats = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw usage("usage.seats", v);
                    }
                    if (seats < 1 || seats > 10_000) {
                        throw usage("usage.seats", v);
                    }
                }
                case "--winners" -> {
                    if (i + 1 >= args.length) {
                        throw usage("usage.winners", "");
                    }
                    winners = winners(args[++i]);
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw usage("usage.option", a);
                    }
                    positional.add(a);
                }
            }
        }
        if (positional.size() != 2) {
            throw usage("usage", "");
        }
        return new Call(positional.get(0).toLowerCase(Locale.ROOT), Path.of(positional.get(1)), detail, elected, seats,
                winners);
    }

    /** "Liste 1=10,Liste 2=2,ohne Liste=1" → map; counts 0…10000. */
    private Map<String, Integer> winners(String spec) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.lastIndexOf('=');
            if (eq <= 0) {
                throw usage("usage.winners", part);
            }
            String id = part.substring(0, eq).strip();
            try {
                int n = Integer.parseInt(part.substring(eq + 1).strip());
                if (n < 0 || n > 10_000 || m.put(id, n) != null) {
                    throw usage("usage.winners", part);
                }
            } catch (NumberFormatException e) {
                throw usage("usage.winners", part);
            }
        }
        return m;
    }

    private int execute(String[] args) {
        Call call = parse(args);
        String law = call.law();
        if (!Files.exists(call.file())) {
            throw new Failure(FAILED, text("file.missing", call.file()));
        }
        if (!law.startsWith("council-") && !law.startsWith("county-") && call.seats() != null) {
            throw usage("usage.seatsOnlyCouncil", law);
        }
        if (call.winners() != null && !law.matches("(council|county)-(nw|sh)")) {
            throw usage("usage.winnersOnly", law);
        }
        return switch (law) {
            case "bundestag-2025", "bundestag-2021" -> bundestag(call);
            case "landtag-by" -> landtag(call);
            default -> {
                if (law.startsWith("council-") || law.startsWith("county-")) {
                    String code = law.substring(law.indexOf('-') + 1);
                    MunicipalLaw m = LANDS.get(code);
                    if (m == null) {
                        throw usage(List.of("be", "hb", "hh").contains(code) ? "law.cityState" : "law.unknownLand", code);
                    }
                    yield council(call, m);
                }
                throw usage("law.unknown", law);
            }
        };
    }

    // ---- Bundestag ----

    private int bundestag(Call call) {
        KergResult kerg = read(call.file(), in -> new Kerg2Reader().read(in, name(call.file())), "hint.kerg2");
        boolean law2025 = call.law().equals("bundestag-2025");
        LocalDate day = kerg.electionDay();
        if (law2025 && day.isBefore(BWG_2023_FROM)) {
            throw new Failure(FAILED, text("law.mismatch.bundestag2025", name(call.file()), date(day)));
        }
        if (!law2025 && day.getYear() != 2021) {
            throw new Failure(FAILED, text("law.mismatch.bundestag2021", name(call.file()), date(day)));
        }
        BundestagVotes votes;
        try {
            votes = Kerg2Input.votes(kerg);
        } catch (Kerg2Input.Missing m) {
            throw new Failure(FAILED, text("file.prefix", name(call.file())) + text(m.key, m.argument));
        }
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> seats;
        // per Landesliste: land, list, seats, Wahlkreis seats, list seats (for --elected)
        List<String> perList = new ArrayList<>();
        if (law2025) {
            Bundestag2025Result r = decided(Bundestag2025.allocate(votes, Lots.none()));
            seats = r.seatsPerParty();
            steps.add(new Step("Oberverteilung", r.oberverteilung()));
            r.unterverteilung().forEach((party, a) -> steps.add(new Step("Unterverteilung " + party, a)));
            r.landLists().forEach(l -> perList.add(String.join(";", csv(l.land()), csv(l.party()),
                    Integer.toString(l.seats()), Integer.toString(l.covered()), Integer.toString(l.listSeats()))));
        } else {
            Bundestag2021Result r = decided(Bundestag2021.allocate(votes, Population2021.GERMANS, Lots.none()));
            seats = r.seatsPerParty();
            steps.add(new Step("Sitzkontingente", r.sitzkontingente()));
            r.firstDistribution().forEach((land, a) -> steps.add(new Step("Erste Verteilung " + land, a)));
            steps.add(new Step("Zweite Verteilung", r.secondDistribution()));
            r.unterverteilung().forEach((party, a) -> steps.add(new Step("Unterverteilung " + party, a)));
            r.lists().forEach(l -> perList.add(String.join(";", csv(l.land()), csv(l.party()),
                    Integer.toString(l.finalSeats()), Integer.toString(l.constituencySeats()),
                    Integer.toString(l.listSeats()))));
        }
        print(seats, steps, call.detail());
        if (call.elected()) {
            // kerg2 names neither Wahlkreis winners nor list candidates: the seats are counted per
            // Landesliste, and the note says where the names come from
            out.println();
            out.println("land;list;seats;constituency_seats;list_seats");
            perList.forEach(out::println);
            err.println(text("elected.bundestagCounts", name(call.file())));
        }
        return DECIDED;
    }

    // ---- Landtag Bayern ----

    private int landtag(Call call) {
        if (call.elected()) {
            throw usage("elected.none", call.file().getFileName());
        }
        List<LandtagBayernXmlReader.Stimmkreis> units = read(call.file(),
                in -> new LandtagBayernXmlReader().read(in, name(call.file())), "hint.landtagXml");
        List<Map<String, Long>> votes = new ArrayList<>();
        List<Map<String, Integer>> wins = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            votes.add(new LinkedHashMap<>());
            wins.add(new LinkedHashMap<>());
        }
        Map<String, Long> seen = new LinkedHashMap<>();
        for (var u : units) {
            Long earlier = seen.put(u.key(), u.line());
            if (earlier != null) {
                throw new Failure(FAILED, text("file.line", name(call.file()), u.line())
                        + text("landtag.duplicate", u.key(), earlier));
            }
            int wk = u.wahlkreis() - 1;
            u.totalVotes().forEach((p, v) -> votes.get(wk).merge(p, v, Long::sum));
            wins.get(wk).merge(u.winnerParty(), 1, Integer::sum);
        }
        List<WahlkreisVotes> input = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if (votes.get(i).isEmpty()) {
                throw new Failure(FAILED, text("file.prefix", name(call.file()))
                        + text("landtag.missingWahlkreis", LandtagBayern.WAHLKREISE.get(i), i + 1));
            }
            input.add(new WahlkreisVotes(LandtagBayern.WAHLKREISE.get(i), LandtagBayern.BASE_SEATS.get(i), votes.get(i), wins.get(i)));
        }
        LandtagBayernResult r = decided(LandtagBayern.allocate(input, Lots.none()));
        List<Step> steps = new ArrayList<>();
        for (var w : r.wahlkreise()) {
            steps.add(new Step("Wahlkreis " + w.name(), w.apportionment()));
        }
        print(r.seatsPerParty(), steps, call.detail());
        return DECIDED;
    }

    // ---- councils and Kreistage ----

    private int council(Call call, MunicipalLaw law) {
        CouncilInput input = councilInput(call.file());
        if (input.lists().isEmpty()) {
            throw new Failure(FAILED, text("file.prefix", input.file()) + text("council.noLists"));
        }
        if (call.elected() && !input.candidates()) {
            throw usage("elected.none", call.file().getFileName());
        }
        int seats;
        if (call.seats() != null) {
            seats = call.seats();
        } else if (law == MunicipalLaw.BAYERN && input.candidates()) {
            // GLKrWG Art. 25 Abs. 2: a Wahlvorschlag has at most as many candidates as seats
            // (in municipalities up to 3,000 inhabitants up to twice as many) — the longest list is the size
            seats = input.lists().stream().mapToInt(l -> l.candidates().size()).max().orElse(0);
            err.println(text("council.seatsFromLists", seats));
        } else {
            throw usage("council.seatsNeeded", call.law());
        }
        if (call.winners() != null) {
            return directMandates(call, law == MunicipalLaw.NORDRHEIN_WESTFALEN
                    ? DirectMandateLaw.NORDRHEIN_WESTFALEN : DirectMandateLaw.SCHLESWIG_HOLSTEIN, input, seats);
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        if (input.candidates()) {
            CouncilResult r = decided(CouncilElection.allocate(law, seats, input.lists(), Lots.none()));
            r.lists().forEach(o -> result.put(o.id(), o.seats()));
            steps.add(new Step("Sitzverteilung", r.apportionment()));
            r.majority().redistribution().ifPresent(m -> steps.add(new Step("Mehrheitsklausel", m)));
            noteMajority(law, r.majority());
            print(result, steps, call.detail());
            if (call.elected()) {
                out.println();
                out.println("list;rank;candidate;votes");
                for (var o : r.lists()) {
                    int rank = 1;
                    for (CouncilCandidate c : o.elected()) {
                        out.println(csv(o.id()) + ";" + rank++ + ";" + csv(c.name()) + ";" + c.votes());
                    }
                }
            }
        } else {
            // list totals only: the method and exhaustion rule of the Land, lists not limited by length
            List<Contender> contenders = input.lists().stream().map(l -> Contender.of(l.id(), l.votes())).toList();
            Apportionment a = Apportioner.apportion(law.method(), seats, contenders, Lot.none(), law.exhaustion());
            if (a instanceof Apportionment.LotRequired l) {
                String rule = law.listTieByCandidateVotes() ? text("council.tieNeedsCandidates") : "";
                throw lot(CouncilElection.SEATS_LOT, l.tie(), rule);
            }
            // the Land's majority clause (GKWG § 10 Abs. 5, KomWG § 21 Abs. 1 S. 5)
            var majority = CouncilMajority.apply(law, contenders, (Apportionment.Decided) a, Lots.none());
            if (majority instanceof SeatOutcome.LotRequired<CouncilMajority.Applied> l) {
                throw lot(l.decision(), l.tie(), l.reason());
            }
            CouncilMajority.Applied applied = majority.orElseThrow();
            contenders.forEach(c -> result.put(c.id(), applied.clause().seats().getOrDefault(c.id(), 0)));
            steps.add(new Step("Sitzverteilung", a));
            applied.redistribution().ifPresent(r -> steps.add(new Step("Mehrheitsklausel", r)));
            noteMajority(law, applied);
            print(result, steps, call.detail());
        }
        return DECIDED;
    }

    /**
     * NRW KWahlG § 33 Abs. 2–3, S-H GKWG § 10 Abs. 2–4: the files carry no Wahlbezirk winners, so
     * their number per list comes from {@code --winners}; the persons are not named (no --elected).
     */
    private int directMandates(Call call, DirectMandateLaw law, CouncilInput input, int seats) {
        if (call.elected()) {
            throw usage("usage.winnersElected", law.paragraph());
        }
        Map<String, List<String>> winners = new LinkedHashMap<>();
        int without = 0;
        for (var e : call.winners().entrySet()) {
            if (e.getKey().equals(WITHOUT_LIST)) {
                without = e.getValue();
                continue;
            }
            if (input.lists().stream().noneMatch(l -> l.id().equals(e.getKey()))) {
                throw usage("usage.winnersList", e.getKey() + "“ (" + String.join(", ",
                        input.lists().stream().map(CouncilList::id).toList()) + ")");
            }
            if (e.getValue() > 0 && input.lists().stream().anyMatch(l -> l.id().equals(e.getKey()) && l.votes() == 0)) {
                throw new Failure(FAILED, text("file.prefix", input.file()) + text("council.winnersNoVotes", e.getKey()));
            }
            List<String> names = new ArrayList<>();
            for (int k = 1; k <= e.getValue(); k++) {
                names.add(e.getKey() + " / Wahlbezirk " + k);
            }
            winners.put(e.getKey(), names);
        }
        if (without > seats || winners.values().stream().mapToInt(List::size).sum() + without > seats) {
            throw usage("usage.winnersTooMany", seats);
        }
        DirectMandateCouncil.Result r = decided(DirectMandateCouncil.allocate(law, seats, input.lists(), winners,
                without, Lots.none()));
        var c = r.compensation();
        Map<String, Integer> result = new LinkedHashMap<>(r.seats());
        if (without > 0) {
            result.put(WITHOUT_LIST, without);
        }
        List<Step> steps = new ArrayList<>();
        c.steps().forEach(s -> steps.add(new Step("Verhältnisausgleich " + s.size(), s.apportionment())));
        r.majority().redistribution().ifPresent(m -> steps.add(new Step("Mehrheitsklausel", m)));
        if (c.totalInitialOverhang() > 0) {
            err.println(text("council.overhang", law.paragraph(), c.totalInitialOverhang(), c.compensationSeats(),
                    c.houseSize() + r.otherWinners(), c.capReached() ? 1 : 0));
        }
        noteMajority(law.majorityParagraph(), r.majority(), r.otherWinners());
        print(result, steps, call.detail());
        return DECIDED;
    }

    private void noteMajority(MunicipalLaw law, CouncilMajority.Applied applied) {
        noteMajority(law.majorityParagraph(), applied, 0);
    }

    private void noteMajority(String paragraph, CouncilMajority.Applied applied, int seatsWithoutList) {
        var c = applied.clause();
        int house = c.seats().values().stream().mapToInt(Integer::intValue).sum() + seatsWithoutList;
        c.party().ifPresent(p -> err.println(text("council.majority", paragraph, p, c.extraSeats(), house)));
    }

    private record CouncilInput(String file, List<CouncilList> lists, boolean candidates) {}

    private CouncilInput councilInput(Path file) {
        if (Files.isDirectory(file)) {
            var r = readPath(file, new AkdbCouncilReader()::readListFolder, "hint.council");
            return new CouncilInput(r.file(), r.lists(), r.candidateNames());
        }
        String head = firstLine(file);
        if (head.startsWith("datum;wahl;")) {
            ResultFile f = read(file, in -> new VotemanagerCsvReader().read(in, name(file)), "hint.council");
            return fromVotemanager(f);
        }
        if (head.startsWith("Gemeinde;Gemeindename;")) {
            var r = read(file, in -> new AkdbCouncilReader().readTotals(in, name(file)), "hint.council");
            return new CouncilInput(r.file(), r.lists(), true);
        }
        if (head.startsWith("Gebietsart;") && head.contains(";Gruppe-Schluessel;")) {
            CouncilList l = read(file, in -> new AkdbCouncilReader().readListFile(in, name(file)), "hint.council");
            return new CouncilInput(name(file), List.of(l), true);
        }
        throw new Failure(FAILED, text("file.line", name(file), 1) + text("council.unknownFormat"));
    }

    private CouncilInput fromVotemanager(ResultFile f) {
        String election = f.electionName() == null ? "" : f.electionName().toLowerCase(Locale.GERMAN);
        if (f.layout() != VotemanagerLayout.CUMULATIVE && f.layout() != VotemanagerLayout.SINGLE_VOTE
                || NOT_A_COUNCIL.matcher(election).find()) {
            throw new Failure(FAILED, text("file.prefix", f.file()) + text("council.wrongLayout", f.layout(), f.electionName()));
        }
        // the total row (gebiet-nr 0 or empty) if there is exactly one, otherwise the sum of all rows
        List<ResultRow> totals = f.rows().stream()
                .filter(r -> r.unitKey() == null || r.unitKey().matches("0+")).toList();
        List<ResultRow> rows = totals.size() == 1 ? totals : f.rows();
        Map<Integer, Long> listVotes = new java.util.TreeMap<>();
        Map<Integer, Map<Integer, Long>> candidateVotes = new java.util.TreeMap<>();
        for (ResultRow r : rows) {
            for (VoteCounts v : r.counts().votes().values()) {
                v.perNomination().forEach((p, n) -> listVotes.merge(p, n == null ? 0 : n, Long::sum));
            }
            if (r.cumulative() != null) {
                r.cumulative().candidateVotes().forEach((ref, n) -> candidateVotes
                        .computeIfAbsent(ref.listPosition(), x -> new java.util.TreeMap<>())
                        .merge(ref.candidatePosition(), n == null ? 0 : n, Long::sum));
            }
        }
        boolean withCandidates = f.layout() == VotemanagerLayout.CUMULATIVE && !candidateVotes.isEmpty();
        List<CouncilList> lists = new ArrayList<>();
        listVotes.forEach((p, v) -> {
            List<CouncilCandidate> cs = new ArrayList<>();
            candidateVotes.getOrDefault(p, Map.of()).forEach((n, votes) -> cs.add(new CouncilCandidate(p + "." + n, votes)));
            lists.add(new CouncilList("Liste " + p, v, cs));
        });
        return new CouncilInput(f.file(), lists, withCandidates);
    }

    // ---- output ----

    private record Step(String name, Apportionment apportionment) {}

    private void print(Map<String, Integer> seats, List<Step> steps, boolean detail) {
        out.println("list;seats");
        seats.forEach((list, s) -> out.println(csv(list) + ";" + s));
        if (!detail) {
            return;
        }
        out.println();
        out.println("step;method;divisor;list;votes;quotient;seats;vacant;votes_to_gain;votes_to_lose;gain_threshold;lose_threshold");
        for (Step step : steps) {
            ApportionmentExplanation e = step.apportionment().explanation();
            String divisor = e.divisor().map(d -> decimal(d.chosen(), 3))
                    .orElse(e.quota().map(q -> decimal(q, 3)).orElse(""));
            for (ApportionmentExplanation.Row r : e.rows()) {
                var m = r.margin();
                out.println(String.join(";", csv(step.name()), e.method().name(), divisor, csv(r.id()),
                        Long.toString(r.votes()), r.quotient().map(q -> decimal(q, 4)).orElse(""),
                        Integer.toString(r.seats()), Integer.toString(r.vacant()),
                        m.map(x -> opt(x.votesToGain())).orElse(""), m.map(x -> opt(x.votesToLose())).orElse(""),
                        m.flatMap(x -> x.gainThreshold()).map(t -> decimal(t, 3)).orElse(""),
                        m.flatMap(x -> x.loseThreshold()).map(t -> decimal(t, 3)).orElse("")));
            }
        }
    }

    private static String opt(OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : "";
    }

    /** German decimal comma, as in the official CSV files. */
    static String decimal(Rational r, int scale) {
        return r.toDecimal(scale).setScale(scale, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static String csv(String value) {
        return value.contains(";") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    // ---- helpers ----

    private <T> T decided(SeatOutcome<T> outcome) {
        return switch (outcome) {
            case SeatOutcome.Decided<T> d -> d.result();
            case SeatOutcome.LotRequired<T> l -> throw lot(l.decision(), l.tie(), l.reason());
        };
    }

    private Failure lot(String decision, Tie tie, String reason) {
        return new Failure(LOT_REQUIRED, text("lot", tie.contestedSeats(), String.join(", ", tie.tied()),
                decimal(tie.value(), 3), decision, reason));
    }

    private interface Reader<T> {
        T read(InputStream in) throws ImportException, IOException;
    }

    private interface FolderReader<T> {
        T read(Path folder) throws ImportException, IOException;
    }

    private <T> T read(Path file, Reader<T> reader, String hint) {
        return readPath(file, p -> {
            try (InputStream in = Files.newInputStream(p)) {
                return reader.read(in);
            }
        }, hint);
    }

    private <T> T readPath(Path file, FolderReader<T> reader, String hint) {
        try {
            return reader.read(file);
        } catch (ImportException e) {
            StringBuilder b = new StringBuilder(text("rejected", name(file), e.problems().size()));
            e.problems().stream().limit(20).forEach(p -> b.append(System.lineSeparator()).append("  ").append(p.message(Locale.GERMAN)));
            b.append(System.lineSeparator()).append(text(hint));
            throw new Failure(FAILED, b.toString());
        } catch (IOException e) {
            throw new Failure(FAILED, text("file.unreadable", file, e.getMessage()));
        }
    }

    private String firstLine(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String l = r.readLine();
            return l == null ? "" : new String(l.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                    .replace("\uFEFF", "");
        } catch (IOException e) {
            throw new Failure(FAILED, text("file.unreadable", file, e.getMessage()));
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static String date(LocalDate d) {
        return String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private Failure usage(String key, Object arg) {
        String detail = key.equals("usage") ? "" : text(key, arg) + System.lineSeparator();
        return new Failure(USAGE, detail + text("usage"));
    }

    String text(String key, Object... args) {
        return new MessageFormat(texts.getString(key), Locale.GERMAN).format(args);
    }

    /** Ends the command with a message for stderr and an exit code. */
    private static final class Failure extends RuntimeException {
        final int code;

        Failure(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
