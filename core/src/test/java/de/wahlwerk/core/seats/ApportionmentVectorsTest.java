package de.wahlwerk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published vectors: ELECTORAL_LAW.md Appendix B, § 5.4 (municipal) and § 8 (peer suites:
 * it-at-m/sitzverteilung of Landeshauptstadt München incl. its "stale" = lot cases, proporz,
 * apportionment, elecsys). Contenders are named A, B, C, … in order; "tied" lists the contenders
 * that share {@code contested} seats by lot.
 */
class ApportionmentVectorsTest {

    @ParameterizedTest(name = "{0} {1} seats {2} -> {3} lot {4}x{5}")
    @CsvSource(delimiter = ';', textBlock = """
            # Appendix B
            WEBSTER;  630; 11196374 10328780 8149124 5762380 4356532 2964028 76138; 164 152 120 85 64 44 1;;0
            WEBSTER;  733; 11955434 8775471 6852206 5319952 4803902 2402827 2270906 55578; 206 152 118 92 83 42 39 1;;0
            WEBSTER;  732; 11901558 8774920 6814408 5291013 4809233 2402827 2255864 55578; 206 152 118 91 83 42 39 1;;0
            WEBSTER;   14; 10648 8578 6531; 6 5 3;;0
            WEBSTER;   44; 7336 3599 1250 1249 591 515 295 165; 21 10 4 4 2 2 1 0;;0
            WEBSTER;    5; 50 30 20; 2 1 1; A B; 1
            WEBSTER;   22; 23 23 18 4 4 4 3 1; 6 6 5 1 1 1 1 0; A B; 1
            WEBSTER;    1; 1 10 10; 0 0 0; B C; 1
            DHONDT;    10; 466 345 189; 5 3 2;;0
            DHONDT;     7; 10000 6000 1500; 4 2 0; A B; 1
            DHONDT;    14; 24 20 19 4 4 4 3 2; 5 4 4 0 0 0 0 0; A B D E F; 1
            HAMILTON;  11; 1150 870 180; 6 4 1;;0
            HAMILTON;  31; 720257 323524 257466 213138 144392 88315; 13 6 5 4 2 1;;0
            HAMILTON;  13; 24 22 18 4 4 4 4; 4 3 3 0 0 0 0; D E F G; 3
            HAMILTON;   1; 10 10 0; 0 0 0; A B; 1
            # § 5.4 M3 (NRW Innenministerium example) with the other methods
            DHONDT;    44; 7336 3599 1250 1249 591 515 295 165; 23 11 4 4 1 1 0 0;;0
            HAMILTON;  44; 7336 3599 1250 1249 591 515 295 165; 21 11 4 4 2 1 1 0;;0
            # § 8.1 it-at-m/sitzverteilung
            DHONDT;     8; 10000 6000 1500; 5 3 0;;0
            DHONDT;    10; 416 335 160 89; 4 4 1 1;;0
            DHONDT;    22; 24 20 19 6 4 4 3; 7 6 6 1 1 1 0;;0
            DHONDT;    15; 37 34 9; 7 7 1;;0
            DHONDT;   252; 24 20 19 6 4 4; 79 66 62 19 13 13;;0
            DHONDT;     7; 24 20 19 8 4 3 2; 2 2 2 0 0 0 0; A D; 1
            HAMILTON;   8; 10000 6000 1500; 4 3 1;;0
            HAMILTON;  13; 24 20 19 6 4 4; 4 3 3 1 1 1;;0
            HAMILTON;  16; 24 20 19 6 4 4 3; 5 4 4 1 1 1 0;;0
            HAMILTON; 252; 24 20 19 6 4 4; 79 65 62 20 13 13;;0
            HAMILTON;  15; 37 34 3 6; 7 6 1 1;;0
            HAMILTON;   7; 24 20 19 4 4 4 3 2; 2 2 2 0 0 0 0 0; D E F; 1
            WEBSTER;    8; 10000 6000 1500; 4 3 1;;0
            WEBSTER;   15; 5200 1700 3100; 8 2 5;;0
            WEBSTER;   15; 32 27 19; 6 5 4;;0
            WEBSTER;  252; 24 20 19 6 4 4; 79 65 62 20 13 13;;0
            # § 8.5 proporz, § 8.6 apportionment, § 8.7
            DHONDT;    10; 4160 3380 2460; 4 4 2;;0
            WEBSTER;   10; 4160 3380 2460; 4 3 3;;0
            WEBSTER;   10; 43 33 12 8 4; 5 3 1 1 0;;0
            DHONDT;    10; 43 33 12 8 4; 5 4 1 0 0;;0
            HAMILTON;  10; 43 33 12 8 4; 4 3 1 1 1;;0
            HAMILTON;  60; 216 310 22 32; 23 32 2 3;;0
            HAMILTON;  10; 47000 16000 15800 12000 6100 3100; 5 2 1 1 1 0;;0
            WEBSTER;  598; 11828277 9990488 6316080 5155933 4643272 2830238; 173 146 93 76 68 42;;0
            WEBSTER;  146; 430739 143607 242942 1297940 102419 348216 202850 348082 2678956 328753 812721 216593 520990 1120018 1051198 144464; 6 2 4 19 2 5 3 5 39 5 12 3 8 16 15 2;;0
            DHONDT;   100; 5117 4400 162 161 160; 52 45 1 1 1;;0
            WEBSTER;  100; 5117 4400 162 161 160; 51 43 2 2 2;;0
            HAMILTON; 100; 5117 4400 162 161 160; 51 44 2 2 1;;0
            DHONDT;    26; 9061 7179 5259 3319 1182; 10 7 5 3 1;;0
            WEBSTER;   26; 9061 7179 5259 3319 1182; 9 8 5 3 1;;0
            HAMILTON;  26; 9061 7179 5259 3319 1182; 9 7 5 4 1;;0
            WEBSTER;    3; 10 9 8 8 11 12; 1 0 0 0 1 1;;0
            WEBSTER;    2; 2 1 1 2 2; 0 0 0 0 0; A D E; 2
            WEBSTER;    8; 10 8 3 2; 3 3 1 1;;0
            DHONDT;     8; 10 8 3 2; 4 3 1 0;;0
            DHONDT;     5; 35 25 15 10 5; 2 2 1 0 0;;0
            WEBSTER;    5; 35 25 15 10 5; 2 1 1 1 0;;0
            HAMILTON;  10; 34000 25000 15000 12000 10000 4000; 3 3 2 1 1 0;;0
            DHONDT;    10; 34000 25000 15000 12000 10000 4000; 4 3 1 1 1 0;;0
            WEBSTER;   10; 34000 25000 15000 12000 10000 4000; 3 3 2 1 1 0;;0
            """)
    void publishedVector(Method method, int seats, String votes, String expected, String tied, int contested) {
        List<Contender> contenders = contenders(votes);
        int[] want = Arrays.stream(expected.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        List<String> wantTied = tied == null ? List.of() : List.of(tied.trim().split("\\s+"));

        List<Apportionment> results = new ArrayList<>();
        results.add(Apportioner.apportion(method, seats, contenders));
        if (method.isDivisorMethod()) {
            results.add(Apportioner.iterative(method, seats, contenders, Lot.none()));
        }
        for (Apportionment a : results) {
            for (int i = 0; i < want.length; i++) {
                assertThat(a.seatsOf(contenders.get(i).id())).as("seats of %s", contenders.get(i).id())
                        .isEqualTo(want[i]);
            }
            if (wantTied.isEmpty()) {
                assertThat(a).isInstanceOf(Apportionment.Decided.class);
            } else {
                assertThat(a).isInstanceOfSatisfying(Apportionment.LotRequired.class, l -> {
                    assertThat(l.tie().tied()).containsExactlyElementsOf(wantTied);
                    assertThat(l.tie().contestedSeats()).isEqualTo(contested);
                });
                // with a drawn lot (reverse order) the tie is decided and the winners are the first drawn
                List<String> drawn = new ArrayList<>(wantTied);
                java.util.Collections.reverse(drawn);
                Apportionment decided = method.isDivisorMethod() && a.explanation().awards().isEmpty()
                        ? Apportioner.iterative(method, seats, contenders, new Lot(drawn))
                        : Apportioner.apportion(method, seats, contenders, new Lot(drawn));
                assertThat(decided).isInstanceOf(Apportionment.Decided.class);
                for (int i = 0; i < want.length; i++) {
                    String id = contenders.get(i).id();
                    int extra = drawn.subList(0, contested).contains(id) ? 1 : 0;
                    assertThat(decided.seatsOf(id)).as("seats of %s after lot", id).isEqualTo(want[i] + extra);
                }
                assertThat(decided.explanation().lot()).hasValueSatisfying(
                        lot -> assertThat(lot.winners()).containsExactlyElementsOf(drawn.subList(0, contested)));
            }
        }
    }

    static List<Contender> contenders(String votes) {
        String[] v = votes.trim().split("\\s+");
        List<Contender> list = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            list.add(Contender.of(String.valueOf((char) ('A' + i)), Long.parseLong(v[i])));
        }
        return list;
    }
}
