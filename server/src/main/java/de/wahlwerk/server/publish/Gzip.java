package de.wahlwerk.server.publish;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) of published bytes: the same bytes as {@link java.util.zip.GZIPOutputStream}
 * gives, but zlib reads and writes direct buffers, never a Java array.
 * <p>
 * Why: zlib works on a Java array only inside a JNI critical section, which pins the array's heap
 * region; G1 cannot move a pinned region and counts an evacuation failure when a collection meets
 * one. The publisher compresses every changed page, JSON and open-data file while a night is
 * confirmed, so collections kept meeting them: 32 "Evacuation Failure: Pinned" in a national
 * night, among them its longest pause (2.0 s, docs/PERFORMANCE.md, session 17). Copying into a
 * direct buffer costs a memcpy per 64 kB. The deflaters are kept and reset rather than made anew
 * for each page, which also spares zlib's 256 kB of native state per page.
 */
final class Gzip {

    /** The header {@code GZIPOutputStream} writes: magic, deflate, no flags, no time, no extra flags, unknown OS. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** Bytes handed to zlib at a time; the direct buffers of a compressor are this large. */
    static final int CHUNK = 64 * 1024;
    /** Compressors kept per level: the publishing threads compress at the same time, a few at most. */
    private static final int KEPT = 4;

    private static final ConcurrentLinkedQueue<Compressor> DEFAULT_LEVEL = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<Compressor> BEST_SPEED = new ConcurrentLinkedQueue<>();

    private Gzip() {}

    /** The gzip member of {@code body} at zlib's default level (6) or, with {@code fast}, its fastest (1). */
    static byte[] compress(byte[] body, boolean fast) {
        ConcurrentLinkedQueue<Compressor> kept = fast ? BEST_SPEED : DEFAULT_LEVEL;
        Compressor c = kept.poll();
        if (c == null) {
            c = new Compressor(fast ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
        }
        try {
            return c.gzip(body);
        } finally {
            c.deflater.reset();
            if (kept.size() < KEPT) {
                kept.offer(c);
            } else {
                c.deflater.end();
            }
        }
    }

    private static final class Compressor {
        final Deflater deflater;
        final ByteBuffer in = ByteBuffer.allocateDirect(CHUNK);
        final ByteBuffer out = ByteBuffer.allocateDirect(CHUNK);
        final byte[] copy = new byte[CHUNK];
        final CRC32 crc = new CRC32();

        Compressor(int level) {
            deflater = new Deflater(level, true);
        }

        byte[] gzip(byte[] body) {
            ByteArrayOutputStream result = new ByteArrayOutputStream(body.length / 3 + 64);
            result.writeBytes(HEADER);
            crc.reset();
            int offset = 0;
            do {
                int n = Math.min(CHUNK, body.length - offset);
                in.clear();
                in.put(body, offset, n).flip();
                offset += n;
                crc.update(in.duplicate()); // from the direct buffer: no array in native code here either
                deflater.setInput(in);
                if (offset == body.length) {
                    deflater.finish();
                }
                while (!deflater.needsInput() || offset == body.length && !deflater.finished()) {
                    out.clear();
                    deflater.deflate(out);
                    out.flip();
                    int k = out.remaining();
                    out.get(copy, 0, k);
                    result.write(copy, 0, k);
                }
            } while (offset < body.length);
            writeIntLittleEndian(result, (int) crc.getValue());
            writeIntLittleEndian(result, body.length);
            return result.toByteArray();
        }
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
