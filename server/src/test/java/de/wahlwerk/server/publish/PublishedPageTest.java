package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A page's compressed bytes are its bytes: small pages at the default level, large files (the
 * manifest, election-wide open data) at the fastest, which writes more bytes for the same text.
 */
class PublishedPageTest {

    @Test
    void smallPagesAtTheDefaultLevelLargeFilesAtTheFastest() throws Exception {
        byte[] small = csv(100);
        byte[] large = csv(20_000);
        assertThat(small.length).isLessThan(PublishedPage.FAST_FROM_BYTES);
        assertThat(large.length).isGreaterThanOrEqualTo(PublishedPage.FAST_FROM_BYTES);

        PublishedPage s = PublishedPage.of(small, "text/csv");
        PublishedPage l = PublishedPage.of(large, "text/csv");
        assertThat(gunzip(s.gzip())).isEqualTo(small);
        assertThat(gunzip(l.gzip())).isEqualTo(large);
        assertThat(s.gzip()).isEqualTo(defaultGzip(small));
        assertThat(l.gzip().length).isGreaterThan(defaultGzip(large).length);
    }

    private static byte[] csv(int rows) {
        StringBuilder b = new StringBuilder("Gebiet;Wahlberechtigte;Wähler;CDU;SPD;GRÜNE\n");
        for (int i = 0; i < rows; i++) {
            b.append("Bezirk ").append(i).append(';').append(1000 + i * 7 % 900).append(';').append(700 + i * 13 % 250).append(';')
                    .append(i * 31 % 300).append(';').append(i * 17 % 250).append(';').append(i * 11 % 120).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] defaultGzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
