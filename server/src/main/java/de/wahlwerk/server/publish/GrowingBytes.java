package de.wahlwerk.server.publish;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a large election-wide file (the national NIST report: 190 MB) is written before it becomes
 * a page's body: chunks that double with the bytes written so far, up to 16 MB, never copied
 * while they fill. Jackson's own buffer for {@code writeValueAsBytes} holds up to 128 kB per chunk,
 * so a 190 MB body lay in about 1,500 small arrays while it was written, and a young collection in
 * those seconds copied all of them. A chunk of half a heap region or more is allocated by G1 as a
 * humongous object outside the young generation and is never copied (docs/PERFORMANCE.md,
 * session 18). Not thread-safe: one writer.
 */
final class GrowingBytes extends OutputStream {

    static final int FIRST_CHUNK = 8 * 1024;
    static final int LARGEST_CHUNK = 16 * 1024 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk = new byte[FIRST_CHUNK];
    private int used;
    private long size;

    @Override
    public void write(int b) {
        if (used == chunk.length) {
            next();
        }
        chunk[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (used == chunk.length) {
                next();
            }
            int n = Math.min(len, chunk.length - used);
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
            size += n;
        }
    }

    private void next() {
        full.add(chunk);
        chunk = new byte[(int) Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, size))];
        used = 0;
    }

    long size() {
        return size;
    }

    /** The bytes written, in one array of exactly their length. */
    byte[] toByteArray() {
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2 GB written: " + size + " bytes");
        }
        if (full.isEmpty()) {
            return Arrays.copyOf(chunk, used);
        }
        byte[] all = new byte[(int) size];
        int at = 0;
        for (byte[] c : full) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        System.arraycopy(chunk, 0, all, at, used);
        return all;
    }
}
