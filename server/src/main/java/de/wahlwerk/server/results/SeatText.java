package de.wahlwerk.server.results;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A {@link SeatReport} as plain-text tables for the console, German headings from the message bundle. */
final class SeatText {

    private final Texts texts;
    private final StringBuilder out = new StringBuilder();

    private SeatText(Texts texts) {
        this.texts = texts;
    }

    static String render(SeatReport r, Texts texts) {
        return new SeatText(texts).all(r);
    }

    private String all(SeatReport r) {
        line(texts.get("results.text.heading", nz(r.electionName()),
                r.electionDate() == null ? "" : DateTimeFormatter.ofPattern("dd.MM.yyyy").format(r.electionDate())));
        if (r.lawName() != null) {
            line(texts.get("results.law") + ": " + r.lawName().text());
        }
        if (r.source() != null) {
            line(texts.get("results.source") + ": " + r.source().label() + " (" + r.source().fileName() + ")");
        }
        line("");
        switch (r.status()) {
            case NEEDS_INPUT -> {
                line(texts.get("results.needsInput"));
                r.missing().forEach(m -> line("  - " + m.text()));
            }
            case LOT_REQUIRED -> {
                var p = r.pendingLot();
                line(texts.get("results.lotRequired"));
                line("  " + p.explanation().text());
                line("  " + texts.get("results.lot.decisionKey") + ": " + p.decisionKey());
                line("  " + texts.get("results.lot.tied") + ": " + String.join(", ", p.tied()));
                line("  " + texts.get("results.lot.contested") + ": " + p.contestedSeats());
                line("  " + texts.get("results.lot.value") + ": " + num(p.value()) + " (" + p.valueExact() + ")");
            }
            case DECIDED -> decided(r);
        }
        lots(r);
        if (!r.notes().isEmpty()) {
            line("");
            r.notes().forEach(n -> line(texts.get("results.note") + ": " + n.text()));
        }
        return out.toString();
    }

    private void decided(SeatReport r) {
        line(texts.get("results.houseSize", r.houseSize()));
        line("");
        boolean bundestag = r.parties().stream().anyMatch(p -> p.constituencySeats() != null);
        List<String> head = new ArrayList<>(List.of(texts.get("results.col.party"), texts.get("results.col.votes"),
                texts.get("results.col.share"), texts.get("results.col.seats")));
        if (bundestag) {
            head.addAll(List.of(texts.get("results.col.constituencySeats"), texts.get("results.col.listSeats")));
        }
        List<List<String>> rows = new ArrayList<>();
        int total = 0;
        for (var p : r.parties()) {
            List<String> row = new ArrayList<>(List.of(p.party(), num(p.votes()), pct(p.sharePercent()),
                    Integer.toString(p.seats())));
            if (bundestag) {
                row.addAll(List.of(str(p.constituencySeats()), str(p.listSeats())));
            }
            rows.add(row);
            total += p.seats();
        }
        List<String> sum = new ArrayList<>(List.of(texts.get("results.total"), "", "", Integer.toString(total)));
        if (bundestag) {
            sum.addAll(List.of("", ""));
        }
        rows.add(sum);
        table(texts.get("results.caption.parties"), head, rows);

        if (!r.thresholds().isEmpty()) {
            table(texts.get("results.caption.threshold"),
                    List.of(texts.get("results.col.party"), texts.get("results.col.votes"), texts.get("results.col.share"),
                            texts.get("results.col.wins"), texts.get("results.col.decision")),
                    r.thresholds().stream().map(t -> List.of(t.party(), num(t.votes()), pct(t.sharePercent()),
                            Integer.toString(t.constituencyWins()), t.reasonText().text())).toList());
        }
        for (var s : r.steps()) {
            step(s);
        }
        if (!r.landLists().isEmpty()) {
            table(texts.get("results.caption.landLists"),
                    List.of(texts.get("results.col.land"), texts.get("results.col.party"), texts.get("results.col.votes"),
                            texts.get("results.col.seats"), texts.get("results.col.winners"),
                            texts.get("results.col.covered"), texts.get("results.col.listSeats"),
                            texts.get("results.col.vacant")),
                    r.landLists().stream().map(l -> List.of(l.land(), l.party(), num(l.votes()),
                            Integer.toString(l.seats()), Integer.toString(l.winners()), Integer.toString(l.covered()),
                            Integer.toString(l.listSeats()), Integer.toString(l.vacant()))).toList());
        }
        var named = r.landLists().stream().filter(SeatReport.ListRow::named).toList();
        if (!named.isEmpty()) {
            table(texts.get("results.caption.electedFromLists"),
                    List.of(texts.get("results.col.land"), texts.get("results.col.party"),
                            texts.get("results.col.listPosition"), texts.get("results.col.candidate")),
                    named.stream().flatMap(l -> l.elected().stream().map(p -> List.of(l.land(), l.party(),
                            Integer.toString(p.position()), p.name()))).toList());
        }
        var uncovered = r.constituencies().stream().filter(c -> !c.elected()).toList();
        if (!r.constituencies().isEmpty()) {
            table(texts.get("results.caption.uncovered", uncovered.size(), r.constituencies().size()),
                    List.of(texts.get("results.col.number"), texts.get("results.col.constituency"),
                            texts.get("results.col.land"), texts.get("results.col.winner"),
                            texts.get("results.col.firstShare"), texts.get("results.col.rank"),
                            texts.get("results.col.status")),
                    uncovered.stream().map(c -> List.of(c.number(), nz(c.name()), c.land(), c.winner(),
                            pct(c.sharePercent()), str(c.coverageRank()), c.statusText().text())).toList());
        }
    }

    private void step(SeatReport.StepTable s) {
        line(s.title().text());
        line("  " + texts.get("results.method") + ": " + s.methodText().text() + " — " + s.rounding().text());
        line("  " + texts.get("results.totalVotes") + ": " + num(s.totalVotes()));
        if (s.divisor() != null) {
            line("  " + texts.get("results.divisor.text", num(s.divisor().chosen()), num(s.divisor().low()),
                    num(s.divisor().high())));
        }
        if (s.quota() != null) {
            line("  " + texts.get("results.quota") + ": " + num(s.quota()));
        }
        if (!s.divisorSearch().isEmpty()) {
            List<String> steps = s.divisorSearch().stream()
                    .map(d -> texts.get("results.divisorStep.text", d.step(), num(d.divisor()), d.seats())).toList();
            line("  " + texts.get("results.divisorSearch") + ": " + String.join("; ", steps));
        }
        if (s.lot() != null) {
            line("  " + texts.get("results.lot.applied", String.join(", ", s.lot().tied()), s.lot().contestedSeats(),
                    String.join(", ", s.lot().winners())));
        }
        table(null, List.of(texts.get("results.col.list"), texts.get("results.col.votes"),
                        texts.get("results.col.quotient"), texts.get("results.col.seats")),
                s.rows().stream().map(row -> List.of(row.id(), num(row.votes()), row.quotient() == null ? "–"
                        : num(row.quotient()), Integer.toString(row.seats()))).toList());
    }

    private void lots(SeatReport r) {
        if (r.lots().isEmpty()) {
            return;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Berlin"));
        line("");
        table(texts.get("results.caption.lots"),
                List.of(texts.get("results.lot.decisionKey"), texts.get("results.lot.drawnOrder"),
                        texts.get("results.lot.drawnBy"), texts.get("results.lot.drawnAt"),
                        texts.get("results.lot.reason"), texts.get("results.lot.used")),
                r.lots().stream().map(l -> List.of(l.decisionKey(), String.join(", ", l.drawnOrder()), l.drawnBy(),
                        f.format(l.drawnAt()), l.reason(), texts.get(!l.current() ? "results.lot.supersededShort"
                                : l.used() ? "results.yes" : "results.no"))).toList());
    }

    private void table(String caption, List<String> head, List<List<String>> rows) {
        if (caption != null) {
            line(caption);
        }
        int[] width = new int[head.size()];
        for (int i = 0; i < head.size(); i++) {
            width[i] = head.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        row(head, width, null);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        line(rule.toString().stripTrailing());
        for (List<String> row : rows) {
            row(row, width, head);
        }
        line("");
    }

    private void row(List<String> cells, int[] width, List<String> head) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            boolean numeric = head != null && i > 0 && c.matches("[-–0-9.,% ]*");
            b.append(numeric ? " ".repeat(width[i] - c.length()) + c : c + " ".repeat(width[i] - c.length()));
            b.append("  ");
        }
        line(b.toString().stripTrailing());
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Integer i) {
        return i == null ? "–" : i.toString();
    }

    private static String num(long n) {
        return format(BigDecimal.valueOf(n), 0);
    }

    private static String num(BigDecimal n) {
        return n == null ? "–" : format(n, n.scale());
    }

    private static String pct(BigDecimal n) {
        return n == null ? "–" : format(n, n.scale()) + " %";
    }

    private static String format(BigDecimal n, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Texts.GERMAN));
        f.setMinimumFractionDigits(Math.max(0, decimals));
        f.setMaximumFractionDigits(Math.max(0, decimals));
        return f.format(n);
    }
}
