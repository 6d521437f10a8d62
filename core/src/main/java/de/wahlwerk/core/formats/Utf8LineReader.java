package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly while streaming and knows the line of the first invalid byte (an
 * InputStreamReader reports it only somewhere in its buffer).
 */
final class Utf8LineReader extends Reader {

    /** Invalid UTF-8 at a known 1-based line. */
    static final class BadEncoding extends CharacterCodingException {
        @Serial
        private static final long serialVersionUID = 1L;
        final long line;

        BadEncoding(long line) {
            this.line = line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean eof;
    private long newlines;

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        counted = 0;
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (!bytes.hasRemaining() || !eof) {
                fill();
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            count(cbuf, off, out.position());
            if (r.isError()) {
                throw new BadEncoding(newlines + 1);
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(out);
                done = true;
                int n = out.position() - off;
                return n == 0 ? -1 : n;
            }
            if (r.isOverflow()) {
                break;
            }
        }
        return out.position() - off;
    }

    private int counted;
    private boolean done;

    private void count(char[] cbuf, int off, int end) {
        for (int i = off + counted; i < end; i++) {
            if (cbuf[i] == '\n') {
                newlines++;
            }
        }
        counted = end - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
