package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.List;

/**
 * W006: the first-vote column D1…Dn repeats the second-vote column F1…Fn, nomination for
 * nomination or shifted by whole rows. Real first and second votes of several nominations never
 * agree all at once; a copied column (or the second column typed twice, once a row off) does.
 */
record CopiedColumnRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W006";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (!in.voteKinds().contains(VoteKind.FIRST) || !in.voteKinds().contains(VoteKind.SECOND)) {
            return;
        }
        Letters first = Letters.of(VoteKind.FIRST);
        Letters second = Letters.of(VoteKind.SECOND);
        int min = in.thresholds().repeatedMinNominations();
        // nomination for nomination: the positions standing for both votes
        List<Long> d = new ArrayList<>();
        List<Long> f = new ArrayList<>();
        for (int p : in.ballot().get(VoteKind.FIRST)) {
            if (in.ballot().get(VoteKind.SECOND).contains(p)) {
                d.add(sheet.usable(first.nomination(p)));
                f.add(sheet.usable(second.nomination(p)));
            }
        }
        if (equalWithEnoughNonZero(d, f, min)) {
            out.addVariant(this, "same", "D");
            return;
        }
        // shifted: the D column equals a run of the F column starting at another row
        List<Long> dAll = values(sheet, first, in.ballot().get(VoteKind.FIRST));
        List<Long> fAll = values(sheet, second, in.ballot().get(VoteKind.SECOND));
        for (int offset = 1; offset + dAll.size() <= fAll.size(); offset++) {
            if (equalWithEnoughNonZero(dAll, fAll.subList(offset, offset + dAll.size()), min)) {
                out.addVariant(this, "shifted", "D", offset);
                return;
            }
        }
    }

    private static List<Long> values(Sheet sheet, Letters l, Iterable<Integer> positions) {
        List<Long> v = new ArrayList<>();
        positions.forEach(p -> v.add(sheet.usable(l.nomination(p))));
        return v;
    }

    private static boolean equalWithEnoughNonZero(List<Long> a, List<Long> b, int min) {
        if (a.size() != b.size() || a.contains(null) || b.contains(null)) {
            return false;
        }
        return a.equals(b) && a.stream().filter(v -> v != 0).count() >= min;
    }
}
