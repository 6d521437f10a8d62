package de.wahlwerk.core.projection;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.UnitKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Projection (Hochrechnung) of an incomplete area by ratio swing, postal and in-person apart.
 * See docs/PROJECTION.md for the method and its evaluation; in short:
 *
 * <ul>
 *   <li>Each missing unit is predicted from its previous-election result times the swing seen in
 *       the reported units of the same part: {@code R = Σ current / Σ previous} per group (the
 *       classical ratio estimator). A group without previous votes in those units (a new party)
 *       uses the previous valid votes as its base instead.</li>
 *   <li>Postal districts are cut anew between elections, so each current postal district stands
 *       for an equal share of the previous postal total; a missing in-person unit without a
 *       previous match stands for the average matched unit of its part. While no unit of a part
 *       has reported, that part borrows the other part's swing.</li>
 *   <li>Point estimates are exact {@link Rational}s (they decide who is ahead). The interval is
 *       computed in doubles: it is an approximation anyway (a model-based prediction variance
 *       with a Student-t quantile), and only displayed.</li>
 * </ul>
 */
public final class Projector {

    private static final int POLLING = 0;
    private static final int POSTAL = 1;

    /** Below this many reported units with a base, a part uses the variance pooled over both parts. */
    static final int MIN_UNITS_FOR_OWN_VARIANCE = 5;

    private final double level;

    /** @param level of the interval, e.g. 0.90 */
    public Projector(double level) {
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
        // The residuals of all groups together are the same for every group's share: once.
        double[] validResiduals = fit.residuals(allGroups, false);
        for (int g = 0; g < cols.groups.size(); g++) {
            Rational share = total[g].divide(validHat);
            shares.put(cols.groups.get(g), new Estimate(share,
                    interval(fit, fit.residuals(new int[] {g}, false), validResiduals, share, validHat, false)));
        }
        Estimate turnout = null;
        Rational eligibleHat = total[cols.eligible()];
        if (eligibleHat.signum() > 0) {
            Rational t = total[cols.voters()].divide(eligibleHat);
            turnout = new Estimate(t, interval(fit, fit.residuals(new int[] {cols.voters()}, false),
                    fit.residuals(new int[] {cols.eligible()}, true), t, eligibleHat, true));
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
    private Estimate.Interval interval(Fit fit, double[] num, double[] den, Rational ratio, Rational denHat, boolean turnout) {
        double r = toDouble(ratio);
        double[] sumSq = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < num.length; i++) {
            Fit.Unit u = fit.fitted.get(i);
            double s = u.size();
            if (s <= 0) {
                continue;
            }
            double e = num[i] - r * den[i];
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
    static final class Columns {

        final List<String> groups;
        final int count;
        private final Map<String, Integer> index = new HashMap<>();

        Columns(List<String> groups) {
            this.groups = groups;
            this.count = groups.size() + 3;
            for (int g = 0; g < groups.size(); g++) {
                index.put(groups.get(g), g);
            }
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

        /** Votes of groups that stand now; votes of others count only in valid. */
        long[] of(Observation o) {
            long[] v = new long[count];
            for (Map.Entry<String, Long> e : o.votes().entrySet()) {
                Integer g = index.get(e.getKey());
                if (g != null) {
                    v[g] = e.getValue();
                }
            }
            v[valid()] = o.valid();
            v[voters()] = o.voters();
            v[eligible()] = o.eligible();
            return v;
        }
    }

    /**
     * An exact sum of bases: {@code whole + times · fraction / denominator} per column. Bases are
     * whole numbers (a polling district's previous result) or one shared fraction (the previous
     * postal total per current postal district, the mean matched district for an unmatched one),
     * so a part's sum is kept in {@code long}s and becomes a {@link Rational} once per column
     * instead of once per district and column (a fit of the whole country in rationals took 2.3 s
     * and allocated 6 GB; see {@code ProjectionBenchmark}).
     */
    static final class BaseSum {

        final long[] whole;
        long times;
        long[] fraction;
        long denominator = 1;

        BaseSum(int columns) {
            whole = new long[columns];
        }

        void addWhole(long[] base) {
            addInto(whole, base);
        }

        /** One more base equal to the sum's shared fraction; a sum has one shared fraction only. */
        void addShared(long[] numerator, long denominator) {
            if (fraction != null && (fraction != numerator || this.denominator != denominator)) {
                throw new IllegalStateException("a base sum holds one shared fraction");
            }
            this.fraction = numerator;
            this.denominator = denominator;
            times++;
        }

        Rational get(int c) {
            Rational w = Rational.of(whole[c]);
            if (times == 0 || fraction[c] == 0) {
                return w;
            }
            return w.add(new Rational(BigInteger.valueOf(times).multiply(BigInteger.valueOf(fraction[c])),
                    BigInteger.valueOf(denominator)));
        }
    }

    /** The swing fit of both parts. */
    static final class Fit {

        /** A reported unit with a base; the base in doubles, for the interval only. */
        record Unit(int part, long[] current, double[] base) {
            double size() {
                return base[base.length - 3];
            }
        }

        final Columns cols;
        final List<Unit> fitted = new ArrayList<>();
        /** Per part: sum of reported currents (all reported, matched or not). */
        final long[][] reportedSum = new long[2][];
        /** Per part: sum of the currents of the fitted units. */
        final long[][] fittedSum = new long[2][];
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
            int postalUnits = 0;
            List<List<ProjectionUnit>> byPart = List.of(new ArrayList<>(), new ArrayList<>());
            for (ProjectionUnit u : input.units()) {
                boolean postal = u.kind() == UnitKind.POSTAL;
                byPart.get(postal ? POSTAL : POLLING).add(u);
                postalUnits += postal ? 1 : 0;
            }
            // Every current postal district stands for an equal share of the previous postal total.
            long[] postalTotal = input.previousPostal() == null || postalUnits == 0 ? null : cols.of(input.previousPostal());
            double[] postalBase = postalTotal == null ? null : approx(postalTotal, postalUnits);
            for (int k = 0; k < 2; k++) {
                long[] reportedSum = new long[cols.count];
                long[] fittedSum = new long[cols.count];
                BaseSum fittedBase = new BaseSum(cols.count);
                long[] matchedBase = new long[cols.count];
                int matched = 0;
                for (ProjectionUnit u : byPart.get(k)) {
                    long[] base = k == POSTAL || u.previous() == null ? null : cols.of(u.previous());
                    boolean hasBase = k == POSTAL ? postalTotal != null : base != null;
                    if (base != null) {
                        addInto(matchedBase, base);
                        matched++;
                    }
                    if (!u.reported()) {
                        continue;
                    }
                    long[] cur = cols.of(u.current());
                    addInto(reportedSum, cur);
                    if (hasBase) {
                        double[] approx = k == POSTAL ? postalBase : approx(base, 1);
                        f.fitted.add(new Unit(k, cur, approx));
                        addInto(fittedSum, cur);
                        if (k == POSTAL) {
                            fittedBase.addShared(postalTotal, postalUnits);
                        } else {
                            fittedBase.addWhole(base);
                        }
                        double s = approx[cols.valid()];
                        f.fittedSize[k] += s;
                        f.fittedSizeSq[k] += s * s;
                        f.fittedCount[k]++;
                    }
                }
                // A missing in-person unit without a previous match stands for the average matched one.
                double meanSize = matched == 0 ? 0 : toDouble(Rational.of(matchedBase[cols.valid()], matched));
                BaseSum missing = new BaseSum(cols.count);
                for (ProjectionUnit u : byPart.get(k)) {
                    if (u.reported()) {
                        continue;
                    }
                    double s;
                    if (k == POSTAL) {
                        if (postalTotal == null) {
                            return null; // nothing to predict this unit from
                        }
                        missing.addShared(postalTotal, postalUnits);
                        s = postalBase[cols.valid()];
                    } else if (u.previous() != null) {
                        long[] base = cols.of(u.previous());
                        missing.addWhole(base);
                        s = base[cols.valid()];
                    } else {
                        if (matched == 0) {
                            return null;
                        }
                        missing.addShared(matchedBase, matched);
                        s = meanSize;
                    }
                    f.missingSize[k] += s;
                    f.missingSizeSq[k] += s * s;
                    f.missingCount[k]++;
                }
                f.reportedSum[k] = reportedSum;
                f.fittedSum[k] = fittedSum;
                f.missingBase[k] = new Rational[cols.count];
                f.baseColumn[k] = new int[cols.count];
                f.swing[k] = new Rational[cols.count];
                f.swingApprox[k] = new double[cols.count];
                Rational[] fittedBaseSum = new Rational[cols.count];
                for (int c = 0; c < cols.count; c++) {
                    fittedBaseSum[c] = fittedBase.get(c);
                    f.missingBase[k][c] = missing.get(c);
                }
                for (int c = 0; c < cols.count; c++) {
                    // A group without previous votes here (new party) swings against previous valid votes.
                    f.baseColumn[k][c] = fittedBaseSum[c].signum() > 0 ? c : cols.valid();
                    Rational denominator = fittedBaseSum[f.baseColumn[k][c]];
                    f.swing[k][c] = denominator.signum() > 0 ? Rational.of(fittedSum[c]).divide(denominator) : Rational.ZERO;
                    f.swingApprox[k][c] = toDouble(f.swing[k][c]);
                }
            }
            for (int k = 0; k < 2; k++) {
                f.source[k] = f.fittedCount[k] > 0 ? k : f.fittedCount[1 - k] > 0 ? 1 - k : -1;
                if (f.missingCount[k] > 0 && f.source[k] < 0) {
                    return null;
                }
            }
            return f;
        }

        /** Σ reported + swing × Σ base of missing, over both parts. */
        Rational projectedTotal(int c) {
            Rational t = Rational.ZERO;
            for (int k = 0; k < 2; k++) {
                t = t.add(Rational.of(reportedSum[k][c]));
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

        /**
         * Per fitted unit: Σ over the columns of (current − predicted) in its own part's swing;
         * postal units get 0 where {@code postalZero} (they have no roll to compare turnout against).
         */
        double[] residuals(int[] columns, boolean postalZero) {
            double[] r = new double[fitted.size()];
            for (int i = 0; i < r.length; i++) {
                Unit u = fitted.get(i);
                if (postalZero && u.part == POSTAL) {
                    continue;
                }
                double e = 0;
                for (int c : columns) {
                    e += u.current[c] - swingApprox[u.part][c] * u.base[baseColumn[u.part][c]];
                }
                r[i] = e;
            }
            return r;
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

        /** {@code v / d} per column in doubles, rounded as {@link #toDouble} rounds. */
        private static double[] approx(long[] v, long d) {
            double[] r = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = d == 1 ? v[i] : toDouble(Rational.of(v[i], d));
            }
            return r;
        }
    }

    private static void addInto(long[] acc, long[] v) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] = Math.addExact(acc[i], v[i]);
        }
    }
}
