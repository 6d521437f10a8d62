package de.wahlwerk.bench.replay;

/**
 * Whole-number splits that add up exactly: largest remainder on double weights (ties to the lower
 * index), and draws from what is left of a constituency's ballots without ever taking more than is
 * left. The weights only shape the split; exactness comes from counting the remainder out.
 */
final class Apportion {

    private Apportion() {}

    /** {@code total} split in proportion to {@code weights} (non-negative, not all zero when total > 0). */
    static long[] largestRemainder(long total, double[] weights) {
        int k = weights.length;
        long[] out = new long[k];
        if (total == 0) {
            return out;
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("no weight to split " + total + " by");
        }
        double[] frac = new double[k];
        long given = 0;
        for (int i = 0; i < k; i++) {
            double exact = total * (weights[i] / sum);
            out[i] = (long) Math.floor(exact);
            frac[i] = weights[i] > 0 ? exact - out[i] : -1;
            given += out[i];
        }
        long left = total - given;
        // Floating error may leave the floors a few off either way; count out the difference exactly.
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < k; i++) {
                if (weights[i] > 0 && (best < 0 || frac[i] > frac[best])) {
                    best = i;
                }
            }
            out[best]++;
            frac[best] -= 1;
            left--;
        }
        while (left < 0) {
            int worst = -1;
            for (int i = 0; i < k; i++) {
                if (out[i] > 0 && (worst < 0 || frac[i] < frac[worst])) {
                    worst = i;
                }
            }
            out[worst]--;
            frac[worst] += 1;
            left++;
        }
        return out;
    }

    /**
     * Draws {@code n} ballots from {@code remaining} (per category), shaped by {@code tilt}, never
     * more of a category than remains; {@code remaining} is reduced by the draw.
     */
    static long[] draw(long n, long[] remaining, double[] tilt) {
        int k = remaining.length;
        long[] out = new long[k];
        long need = n;
        while (need > 0) {
            double[] w = new double[k];
            boolean any = false;
            for (int i = 0; i < k; i++) {
                long room = remaining[i] - out[i];
                w[i] = room > 0 ? room * tilt[i] : 0;
                any |= room > 0;
            }
            if (!any) {
                throw new IllegalArgumentException("drawing " + n + " from fewer ballots");
            }
            long[] a = largestRemainder(need, w);
            for (int i = 0; i < k; i++) {
                long add = Math.min(a[i], remaining[i] - out[i]);
                out[i] += add;
                need -= add;
            }
        }
        for (int i = 0; i < k; i++) {
            remaining[i] -= out[i];
        }
        return out;
    }
}
