package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Turns the bytes of an uploaded file into text. All our formats are UTF-8; files re-saved by a
 * spreadsheet program often come back as Windows-1252/Latin-1, which would silently garble names
 * ("GrÃ¼ne"). So invalid UTF-8 is an error naming each affected line, never a guess.
 */
final class TextDecoder {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextDecoder() {}

    /** The text without BOM, or null if the file is unusable (problems were recorded). */
    static String decode(InputStream in, String file, ProblemCollector problems) throws IOException {
        byte[] bytes = in.readAllBytes();
        int start = startsWithBom(bytes) ? BOM.length : 0;
        if (isBlank(bytes, start)) {
            problems.add(file, 0, null, "empty-file");
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer output = CharBuffer.allocate(bytes.length);
        long lastReportedLine = -1;
        boolean valid = true;
        while (true) {
            CoderResult result = decoder.decode(input, output, true);
            if (result.isUnderflow()) {
                break;
            }
            // Malformed: note the line once, skip the bad bytes and go on so every bad line is listed.
            valid = false;
            int at = input.position();
            long line = lineOf(bytes, at);
            if (line != lastReportedLine) {
                byte[] bad = new byte[result.length()];
                System.arraycopy(bytes, at, bad, 0, bad.length);
                problems.add(file, line, null, "encoding",
                        "0x" + HexFormat.of().withUpperCase().formatHex(bad),
                        new String(bad, StandardCharsets.ISO_8859_1));
                lastReportedLine = line;
            }
            input.position(at + result.length());
        }
        decoder.flush(output);
        return valid ? output.flip().toString() : null;
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && b[0] == BOM[0] && b[1] == BOM[1] && b[2] == BOM[2];
    }

    private static boolean isBlank(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
