package de.wahlwerk.core.projection;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.UnitKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The projection as first written, kept verbatim as the reference for {@link Projector}: every
 * sum in exact {@link Rational}s, unit by unit. {@code Projector} now sums in {@code long} and
 * divides once per column; {@code ProjectorAgreementTest} checks that both give the same exact
 * point estimates and the same intervals on random areas.
 */
final class ReferenceProjector {

    private static final int POLLING = 0;
    private static final int POSTAL = 1;

    /** Below this many reported units with a base, a part uses the variance pooled over both parts. */
    static final int MIN_UNITS_FOR_OWN_VARIANCE = 5;

    private final double level;

    /** @param level of the interval, e.g. 0.90 */
    ReferenceProjector(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1)");
        }
        this.level = level;
    }

    /** Empty when nothing is reported yet or a part with missing units has no basis at all. */
    public Optional<Projection> project(ProjectionInput input) {
        TreeSet<String> standing = new TreeSet<>();
        int reported = 0;
        for (ProjectionUnit u : input.units()) {
            if (u.reported()) {
                standing.addAll(u.current().votes().keySet());
                reported++;
            }
        }
        if (reported == 0) {
            return Optional.empty();
        }
        Columns cols = new Columns(List.copyOf(standing));
        Fit fit = Fit.of(input, cols);
        if (fit == null) {
            return Optional.empty();
        }
        Rational[] total = new Rational[cols.count];
        for (int c = 0; c < cols.count; c++) {
            total[c] = fit.projectedTotal(c);
        }
        Rational validHat = Rational.ZERO;
        for (int g = 0; g < cols.groups.size(); g++) {
            validHat = validHat.add(total[g]);
        }
        if (validHat.signum() == 0) {
            return Optional.empty();
        }
        Map<String, Estimate> shares = new LinkedHashMap<>();
        int[] allGroups = new int[cols.groups.size()];
        for (int g = 0; g < allGroups.length; g++) {
            allGroups[g] = g;
        }
        for (int g = 0; g < cols.groups.size(); g++) {
            Rational share = total[g].divide(validHat);
            shares.put(cols.groups.get(g), new Estimate(share,
                    interval(fit, new int[] {g}, allGroups, share, validHat, false)));
        }
        Estimate turnout = null;
        Rational eligibleHat = total[cols.eligible()];
        if (eligibleHat.signum() > 0) {
            Rational t = total[cols.voters()].divide(eligibleHat);
            turnout = new Estimate(t, interval(fit, new int[] {cols.voters()}, new int[] {cols.eligible()}, t,
                    eligibleHat, true));
        }
        return Optional.of(new Projection(reported, input.units().size(), shares, turnout));
    }

    /**
     * Interval of a projected ratio num/den by linearisation: the prediction error of
     * {@code Σ num − ratio · Σ den} over the missing units, under the working model that a unit's
     * residual from the swing prediction has variance σ²·s² (s = its previous valid votes, i.e. a
     * share deviation whose size does not shrink with the unit's size — districts differ by their
     * social make-up, not by sampling noise). σ² is estimated per part (postal districts deviate
     * differently from polling districts), pooled while a part has too few units; the second term
     * in {@link Fit#predictionFactor} accounts for the swing itself being estimated.
     */
    private Estimate.Interval interval(Fit fit, int[] num, int[] den, Rational ratio, Rational denHat, boolean turnout) {
        double r = toDouble(ratio);
        double[] sumSq = new double[2];
        int[] n = new int[2];
        for (Fit.Unit u : fit.fitted) {
            double s = u.size();
            if (s <= 0) {
                continue;
            }
            double e = fit.residual(u, num) - r * (turnout && u.part() == POSTAL ? 0 : fit.residual(u, den));
            sumSq[u.part()] += e * e / (s * s);
            n[u.part()]++;
        }
        int pooledDf = n[0] + n[1] - fit.partsWithOwnSwing();
        if (pooledDf < 1) {
            return null;
        }
        double pooled = (sumSq[0] + sumSq[1]) / pooledDf;
        // Each part's own residual variance once it has enough units, else the pooled one; the
        // degrees of freedom of the sum by Welch–Satterthwaite.
        double variance = 0;
        double dfDenominator = 0;
        for (int k = 0; k < 2; k++) {
            double factor = fit.predictionFactor(k);
            if (factor == 0) {
                continue;
            }
            int src = fit.source[k];
            boolean own = n[src] >= MIN_UNITS_FOR_OWN_VARIANCE;
            double sigma2 = own ? sumSq[src] / (n[src] - 1) : pooled;
            double df = own ? n[src] - 1 : pooledDf;
            double term = sigma2 * factor;
            variance += term;
            dfDenominator += term * term / df;
        }
        if (variance == 0) {
            return new Estimate.Interval(r, r, level);
        }
        double df = variance * variance / dfDenominator;
        variance /= Math.pow(toDouble(denHat), 2);
        double half = StudentT.quantile((1 + level) / 2, df) * Math.sqrt(variance);
        return new Estimate.Interval(Math.max(0, r - half), Math.min(turnout ? Double.MAX_VALUE : 1, r + half), level);
    }

    static double toDouble(Rational q) {
        return new BigDecimal(q.numerator()).divide(new BigDecimal(q.denominator()), MathContext.DECIMAL64).doubleValue();
    }

    /** Column layout of the per-unit arrays: the standing groups, then valid, voters, eligible. */
    record Columns(List<String> groups, int count) {

        Columns(List<String> groups) {
            this(groups, groups.size() + 3);
        }

        int valid() {
            return groups.size();
        }

        int voters() {
            return groups.size() + 1;
        }

        int eligible() {
            return groups.size() + 2;
        }

        long[] of(Observation o) {
            long[] v = new long[count];
            for (int g = 0; g < groups.size(); g++) {
                v[g] = o.votes(groups.get(g));
            }
            v[valid()] = o.valid();
            v[voters()] = o.voters();
            v[eligible()] = o.eligible();
            return v;
        }
    }

    /** The swing fit of both parts. */
    static final class Fit {

        /** A reported unit with a base; {@code baseApprox} is the base in doubles, for the interval only. */
        record Unit(int part, long[] current, Rational[] base, double[] baseApprox) {
            Unit(int part, long[] current, Rational[] base) {
                this(part, current, base, java.util.Arrays.stream(base).mapToDouble(ReferenceProjector::toDouble).toArray());
            }

            double size() {
                return baseApprox[baseApprox.length - 3];
            }
        }

        final Columns cols;
        final List<Unit> fitted = new ArrayList<>();
        /** Per part: sum of reported currents (all reported, matched or not). */
        final Rational[][] reportedSum = new Rational[2][];
        /** Per part: sum of bases of missing units. */
        final Rational[][] missingBase = new Rational[2][];
        final int[] missingCount = new int[2];
        final double[] missingSize = new double[2];
        final double[] missingSizeSq = new double[2];
        /** Per part: the part whose swing it uses (itself, the other, or -1 for none). */
        final int[] source = new int[2];
        /** Per part and column: which base column the column's swing is taken against. */
        final int[][] baseColumn = new int[2][];
        final Rational[][] swing = new Rational[2][];
        final double[][] swingApprox = new double[2][];
        final double[] fittedSize = new double[2];
        final double[] fittedSizeSq = new double[2];
        final int[] fittedCount = new int[2];

        private Fit(Columns cols) {
            this.cols = cols;
        }

        static Fit of(ProjectionInput input, Columns cols) {
            Fit f = new Fit(cols);
            int postalUnits = (int) input.units().stream().filter(u -> u.kind() == UnitKind.POSTAL).count();
            Rational[] postalBase = input.previousPostal() == null || postalUnits == 0 ? null
                    : divide(cols.of(input.previousPostal()), postalUnits);
            List<List<ProjectionUnit>> byPart = List.of(new ArrayList<>(), new ArrayList<>());
            for (ProjectionUnit u : input.units()) {
                byPart.get(u.kind() == UnitKind.POSTAL ? POSTAL : POLLING).add(u);
            }
            for (int k = 0; k < 2; k++) {
                f.reportedSum[k] = zeros(cols.count);
                Rational[] meanBase = null;
                Rational[] fittedBase = zeros(cols.count);
                Rational[] matchedBase = zeros(cols.count);
                int matched = 0;
                for (ProjectionUnit u : byPart.get(k)) {
                    Rational[] base = k == POSTAL ? postalBase : u.previous() == null ? null : rationals(cols.of(u.previous()));
                    if (base != null) {
                        add(matchedBase, base);
                        matched++;
                    }
                    if (u.reported()) {
                        long[] cur = cols.of(u.current());
                        add(f.reportedSum[k], rationals(cur));
                        if (base != null) {
                            f.fitted.add(new Unit(k, cur, base));
                            add(fittedBase, base);
                            double s = toDouble(base[cols.valid()]);
                            f.fittedSize[k] += s;
                            f.fittedSizeSq[k] += s * s;
                            f.fittedCount[k]++;
                        }
                    }
                }
                if (matched > 0) {
                    meanBase = divideAll(matchedBase, matched);
                }
                f.missingBase[k] = zeros(cols.count);
                for (ProjectionUnit u : byPart.get(k)) {
                    if (u.reported()) {
                        continue;
                    }
                    Rational[] base = k == POSTAL ? postalBase : u.previous() == null ? meanBase : rationals(cols.of(u.previous()));
                    if (base == null) {
                        return null; // nothing to predict this unit from
                    }
                    add(f.missingBase[k], base);
                    double s = toDouble(base[cols.valid()]);
                    f.missingSize[k] += s;
                    f.missingSizeSq[k] += s * s;
                    f.missingCount[k]++;
                }
                f.baseColumn[k] = new int[cols.count];
                f.swing[k] = new Rational[cols.count];
                for (int c = 0; c < cols.count; c++) {
                    // A group without previous votes here (new party) swings against previous valid votes.
                    f.baseColumn[k][c] = fittedBase[c].signum() > 0 ? c : cols.valid();
                    Rational denominator = fittedBase[f.baseColumn[k][c]];
                    Rational numerator = f.reportedFittedSum(k, c);
                    f.swing[k][c] = denominator.signum() > 0 ? numerator.divide(denominator) : Rational.ZERO;
                }
                f.swingApprox[k] = java.util.Arrays.stream(f.swing[k]).mapToDouble(ReferenceProjector::toDouble).toArray();
            }
            for (int k = 0; k < 2; k++) {
                f.source[k] = f.fittedCount[k] > 0 ? k : f.fittedCount[1 - k] > 0 ? 1 - k : -1;
                if (f.missingCount[k] > 0 && f.source[k] < 0) {
                    return null;
                }
            }
            return f;
        }

        private Rational reportedFittedSum(int part, int c) {
            Rational s = Rational.ZERO;
            for (Unit u : fitted) {
                if (u.part == part) {
                    s = s.add(Rational.of(u.current[c]));
                }
            }
            return s;
        }

        /** Σ reported + swing × Σ base of missing, over both parts. */
        Rational projectedTotal(int c) {
            Rational t = Rational.ZERO;
            for (int k = 0; k < 2; k++) {
                t = t.add(reportedSum[k][c]);
                if (missingCount[k] > 0) {
                    if (c == cols.eligible() && k == POSTAL) {
                        continue; // postal districts have no roll
                    }
                    int src = source[k];
                    t = t.add(swing[src][c].multiply(missingBase[k][baseColumn[src][c]]));
                }
            }
            return t;
        }

        /** Σ over columns of (current − predicted) for a fitted unit, in its own part's swing. */
        double residual(Unit u, int[] columns) {
            double e = 0;
            for (int c : columns) {
                e += u.current[c] - swingApprox[u.part][c] * u.baseApprox[baseColumn[u.part][c]];
            }
            return e;
        }

        int partsWithOwnSwing() {
            return (fittedCount[0] > 0 ? 1 : 0) + (fittedCount[1] > 0 ? 1 : 0);
        }

        /**
         * Σ_missing s² + (Σ_missing s)² · Σ_fitted s² / (Σ_fitted s)² for part k (with the fit of
         * the part whose swing it uses): the first term is the missing units' own deviation, the
         * second the error of the estimated swing.
         */
        double predictionFactor(int k) {
            if (missingCount[k] == 0) {
                return 0;
            }
            int src = source[k];
            return missingSizeSq[k] + missingSize[k] * missingSize[k] * fittedSizeSq[src] / (fittedSize[src] * fittedSize[src]);
        }

        private static Rational[] zeros(int n) {
            Rational[] r = new Rational[n];
            java.util.Arrays.fill(r, Rational.ZERO);
            return r;
        }

        private static Rational[] rationals(long[] v) {
            Rational[] r = new Rational[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = Rational.of(v[i]);
            }
            return r;
        }

        private static Rational[] divide(long[] v, long d) {
            Rational[] r = new Rational[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = Rational.of(v[i], d);
            }
            return r;
        }

        private static Rational[] divideAll(Rational[] v, long d) {
            Rational[] r = new Rational[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = v[i].divide(d);
            }
            return r;
        }

        private static void add(Rational[] acc, Rational[] v) {
            for (int i = 0; i < acc.length; i++) {
                acc[i] = acc[i].add(v[i]);
            }
        }
    }
}
