package de.wahlwerk.server.publish;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps of sub-areas as SVG: each area's outline filled by a value (leading list's colour, or a
 * shade for turnout) and labelled with the value as text, so that colour is never the only cue;
 * the sub-area table on the same page holds the same information. Longitude is scaled by the
 * cosine of the mean latitude (equirectangular), enough for a town or a county.
 */
final class Choropleth {

    private Choropleth() {}

    /** An area's outline: rings of [longitude, latitude] points. */
    record Shape(List<double[][]> rings) {

        static Shape parse(String geometry, JsonMapper json) {
            JsonNode g = json.readTree(geometry);
            List<double[][]> rings = new ArrayList<>();
            JsonNode c = g.get("coordinates");
            if ("Polygon".equals(g.get("type").asString())) {
                addPolygon(c, rings);
            } else {
                for (JsonNode p : c) {
                    addPolygon(p, rings);
                }
            }
            return new Shape(rings);
        }

        private static void addPolygon(JsonNode polygon, List<double[][]> rings) {
            for (JsonNode ring : polygon) {
                double[][] pts = new double[ring.size()][];
                for (int i = 0; i < ring.size(); i++) {
                    pts[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
                }
                rings.add(pts);
            }
        }
    }

    /** One area on the map: its outline, fill colour and the label written onto it. */
    record Region(Shape shape, String fill, String label) {}

    /** A legend row below the map: a swatch and what it stands for. */
    record LegendEntry(String colour, String label) {}

    static String svg(String id, String title, List<Region> regions) {
        return svg(id, title, regions, List.of());
    }

    /** The map with a legend below it (one row per entry); the areas still carry their own labels. */
    static String svg(String id, String title, List<Region> regions, List<LegendEntry> legend) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Region r : regions) {
            for (double[][] ring : r.shape().rings()) {
                for (double[] p : ring) {
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        double k = Math.cos(Math.toRadians((minY + maxY) / 2));
        double w = Math.max((maxX - minX) * k, 1e-9);
        double h = Math.max(maxY - minY, 1e-9);
        double scale = Math.min(380 / w, 380 / h);
        int width = (int) Math.ceil(w * scale) + 20;
        int mapHeight = (int) Math.ceil(h * scale) + 20;
        if (!legend.isEmpty()) {
            width = Math.max(width, 260); // room for the legend's ranges beside a narrow area
        }
        int height = mapHeight + (legend.isEmpty() ? 0 : 8 + legend.size() * 22);
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\" role=\"img\" focusable=\"false\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" aria-labelledby=\"").append(id).append("\">")
                .append("<title id=\"").append(id).append("\">").append(Svg.escape(title)).append("</title>");
        StringBuilder labels = new StringBuilder();
        for (Region r : regions) {
            StringBuilder d = new StringBuilder();
            double[][] largest = null;
            double largestArea = -1;
            for (double[][] ring : r.shape().rings()) {
                for (int i = 0; i < ring.length; i++) {
                    double x = 10 + (ring[i][0] - minX) * k * scale;
                    double y = 10 + (maxY - ring[i][1]) * scale;
                    d.append(i == 0 ? 'M' : 'L').append(Svg.num(x)).append(' ').append(Svg.num(y));
                }
                d.append('Z');
                double a = Math.abs(area(ring));
                if (a > largestArea) {
                    largestArea = a;
                    largest = ring;
                }
            }
            s.append("<path d=\"").append(d).append("\" fill=\"").append(r.fill()).append("\" class=\"area\"/>");
            if (largest != null) {
                double[] c = centroid(largest);
                labels.append("<text x=\"").append(Svg.num(10 + (c[0] - minX) * k * scale)).append("\" y=\"")
                        .append(Svg.num(10 + (maxY - c[1]) * scale + 4)).append("\" text-anchor=\"middle\" class=\"maplbl\">")
                        .append(Svg.escape(r.label())).append("</text>");
            }
        }
        s.append(labels);
        int y = mapHeight + 8;
        for (LegendEntry l : legend) {
            s.append("<rect x=\"10\" y=\"").append(y).append("\" width=\"14\" height=\"14\" fill=\"").append(l.colour())
                    .append("\" class=\"bar\"/><text x=\"32\" y=\"").append(y + 12).append("\" class=\"lbl\">")
                    .append(Svg.escape(l.label())).append("</text>");
            y += 22;
        }
        return s.append("</svg>").toString();
    }

    /** A light-to-dark blue for a value between 0 and 1 (labels carry the number). */
    static String shade(double t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) Math.round(0xde + (0x08 - 0xde) * t);
        int g = (int) Math.round(0xeb + (0x51 - 0xeb) * t);
        int b = (int) Math.round(0xf7 + (0x9c - 0xf7) * t);
        return String.format("#%02x%02x%02x", r, g, b);
    }

    private static double area(double[][] ring) {
        double a = 0;
        for (int i = 0; i + 1 < ring.length; i++) {
            a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        }
        return a / 2;
    }

    private static double[] centroid(double[][] ring) {
        double a = area(ring);
        if (Math.abs(a) < 1e-12) {
            return ring[0];
        }
        double cx = 0, cy = 0;
        for (int i = 0; i + 1 < ring.length; i++) {
            double f = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
            cx += (ring[i][0] + ring[i + 1][0]) * f;
            cy += (ring[i][1] + ring[i + 1][1]) * f;
        }
        return new double[] {cx / (6 * a), cy / (6 * a)};
    }
}
