package de.wahlwerk.server.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Charts as SVG text, rendered once per publication on the server (no script, no library in the
 * browser). Each chart is an image with a title naming what it shows; every page puts a table
 * with the same numbers next to it, so the chart is never the only way to the numbers.
 */
final class Svg {

    private Svg() {}

    /** One bar: label, value in percent (0–100, may be negative for changes), text shown at its end. */
    record Bar(String label, double value, String text, String colour) {}

    /** Horizontal bars with the label left and the value right of each bar; readable at phone width. */
    static String bars(String id, String title, List<Bar> bars) {
        int row = 30;
        double max = bars.stream().mapToDouble(b -> Math.abs(b.value())).max().orElse(1);
        double scale = max <= 0 ? 0 : 190 / max;
        StringBuilder s = open(id, title, 400, Math.max(row, bars.size() * row));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row;
            s.append("<text x=\"0\" y=\"").append(y + 19).append("\" class=\"lbl\">").append(escape(cut(b.label(), 16)))
                    .append("</text>");
            double w = Math.max(b.value() * scale, b.value() > 0 ? 1 : 0);
            s.append("<rect x=\"130\" y=\"").append(y + 5).append("\" height=\"20\" width=\"").append(num(w))
                    .append("\" fill=\"").append(b.colour()).append("\" class=\"bar\"/>");
            s.append("<text x=\"").append(num(136 + w)).append("\" y=\"").append(y + 19).append("\" class=\"val\">")
                    .append(escape(b.text())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** Gains and losses: bars to the right (gain) or left (loss) of a centre line, signed text labels. */
    static String changes(String id, String title, List<Bar> bars) {
        int row = 30;
        double max = bars.stream().mapToDouble(b -> Math.abs(b.value())).max().orElse(1);
        double scale = max <= 0 ? 0 : 90 / max;
        double centre = 250;
        StringBuilder s = open(id, title, 400, Math.max(row, bars.size() * row));
        s.append("<line x1=\"").append(num(centre)).append("\" x2=\"").append(num(centre))
                .append("\" y1=\"0\" y2=\"").append(bars.size() * row).append("\" class=\"axis\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row;
            s.append("<text x=\"0\" y=\"").append(y + 19).append("\" class=\"lbl\">").append(escape(cut(b.label(), 16)))
                    .append("</text>");
            double w = Math.abs(b.value()) * scale;
            double x = b.value() < 0 ? centre - w : centre;
            s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(y + 5).append("\" height=\"20\" width=\"")
                    .append(num(w)).append("\" fill=\"").append(b.colour()).append("\" class=\"bar\"/>");
            boolean left = b.value() < 0;
            s.append("<text x=\"").append(num(left ? centre - w - 4 : centre + w + 4)).append("\" y=\"").append(y + 19)
                    .append("\" class=\"val\"").append(left ? " text-anchor=\"end\"" : "").append(">")
                    .append(escape(b.text())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** One party's seats in the hemicycle. */
    record Seats(String party, int seats, String colour) {}

    /**
     * Seats as dots on concentric half rings, parties from left to right in the given order; the
     * legend below names each party with its number of seats (colour is not the only cue).
     */
    static String hemicycle(String id, String title, List<Seats> parties) {
        int total = parties.stream().mapToInt(Seats::seats).sum();
        if (total == 0) {
            return "";
        }
        int rows = Math.max(1, (int) Math.ceil(Math.sqrt(total / 3.0)));
        double inner = rows == 1 ? 1 : 0.4;
        double[] radii = new double[rows];
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            radii[r] = rows == 1 ? 1 : inner + (1 - inner) * r / (rows - 1);
            sum += radii[r];
        }
        int[] perRow = new int[rows];
        int assigned = 0;
        for (int r = 0; r < rows; r++) {
            perRow[r] = (int) Math.round(total * radii[r] / sum);
            assigned += perRow[r];
        }
        perRow[rows - 1] += total - assigned;
        record Place(double angle, double radius) {}
        List<Place> places = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < perRow[r]; j++) {
                double angle = perRow[r] == 1 ? Math.PI / 2 : Math.PI * j / (perRow[r] - 1);
                places.add(new Place(angle, radii[r]));
            }
        }
        places.sort(Comparator.comparingDouble((Place p) -> -p.angle()).thenComparingDouble(Place::radius));
        double outer = 190;
        double dot = Math.min(outer * (1 - inner) / Math.max(1, rows - 1) * 0.42,
                outer * Math.PI / Math.max(1, perRow[rows - 1] - 1) * 0.42);
        if (rows == 1) {
            dot = Math.min(12, outer * Math.PI / Math.max(1, total) * 0.42);
        }
        int legendRows = parties.size();
        StringBuilder s = open(id, title, 400, 210 + legendRows * 24);
        int k = 0;
        for (Seats p : parties) {
            for (int i = 0; i < p.seats(); i++, k++) {
                Place pl = places.get(k);
                double x = 200 + Math.cos(pl.angle()) * pl.radius() * outer;
                double y = 200 - Math.sin(pl.angle()) * pl.radius() * outer;
                s.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"").append(num(dot))
                        .append("\" fill=\"").append(p.colour()).append("\" class=\"seat\"/>");
            }
        }
        int y = 222;
        for (Seats p : parties) {
            s.append("<rect x=\"10\" y=\"").append(y - 12).append("\" width=\"14\" height=\"14\" fill=\"").append(p.colour())
                    .append("\" class=\"bar\"/><text x=\"32\" y=\"").append(y).append("\" class=\"lbl\">")
                    .append(escape(p.party() + ": " + p.seats())).append("</text>");
            y += 24;
        }
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int width, int height) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" focusable=\"false\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("\">")
                .append("<title id=\"").append(id).append("\">").append(escape(title)).append("</title>");
        return s;
    }

    /**
     * A coordinate with one decimal, rounded half up on the tenth. Written by hand: a national
     * page's hemicycle has 630 dots of three numbers each, and {@code String.format} made about a
     * kilobyte of garbage per number (JFR of a replayed night, docs/PERFORMANCE.md, session 16).
     */
    static String num(double d) {
        if (!(Math.abs(d) < 1e15)) { // NaN, infinite or beyond a long's tenths: never a drawing's coordinate
            return String.format(Locale.ROOT, "%.1f", d);
        }
        long tenths = Math.round(Math.abs(d) * 10);
        String digits = Long.toString(tenths / 10);
        char last = (char) ('0' + tenths % 10);
        return d < 0 && tenths != 0 ? "-" + digits + "." + last : digits + "." + last;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
