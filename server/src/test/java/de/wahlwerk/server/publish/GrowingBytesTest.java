package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GrowingBytesTest {

    @Test
    void givesBackExactlyWhatWasWrittenInEveryMixOfWrites() {
        Random r = new Random(18);
        for (int total : new int[] {0, 1, GrowingBytes.FIRST_CHUNK - 1, GrowingBytes.FIRST_CHUNK,
                GrowingBytes.FIRST_CHUNK + 1, 3 * GrowingBytes.FIRST_CHUNK + 7, 40 * 1024 * 1024 + 3}) {
            GrowingBytes grown = new GrowingBytes();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            int written = 0;
            while (written < total) {
                if (r.nextInt(10) == 0) {
                    int b = r.nextInt(256);
                    grown.write(b);
                    expected.write(b);
                    written++;
                } else {
                    // Pieces up to a megabyte, from the middle of a larger array (offset and length honoured).
                    int len = Math.min(total - written, r.nextInt(1 << r.nextInt(21)) + 1);
                    byte[] piece = new byte[len + 10];
                    r.nextBytes(piece);
                    grown.write(piece, 5, len);
                    expected.write(piece, 5, len);
                    written += len;
                }
            }
            assertThat(grown.size()).isEqualTo(total);
            assertThat(grown.toByteArray()).as("%d bytes", total).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void refusesAPieceOutsideItsArray() {
        GrowingBytes grown = new GrowingBytes();
        assertThatThrownBy(() -> grown.write(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(grown.size()).isZero();
    }
}
