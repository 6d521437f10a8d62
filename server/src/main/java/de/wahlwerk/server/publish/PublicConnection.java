package de.wahlwerk.server.publish;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One connection of the public listener: reads HTTP/1.1 requests straight from the received bytes
 * and answers each from the ready bytes of {@link Snapshots}, in order, flushing once per read
 * batch (pipelining). It reads only what an answer depends on (method, path, version, and the
 * headers If-None-Match, Accept-Encoding, Connection, Content-Length, Transfer-Encoding) and
 * allocates almost nothing per request: a general HTTP decoder built an object for every header
 * line, about 2.5 kB per request, and at the crowd's rate that garbage set the pace of the
 * collector's pauses, which every reader then waited out (docs/PERFORMANCE.md, session 16).
 *
 * <p>Limits as before: a request line of at most 4,096 bytes and a header block of at most
 * 8,192 bytes, otherwise 400 and the connection is closed.
 */
final class PublicConnection extends ByteToMessageDecoder {

    static final int MAX_REQUEST_LINE = 4096;
    static final int MAX_HEADERS = 8192;

    private static final byte[] END = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] NOT_ALLOWED = ("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] NOT_ALLOWED_CLOSE = ("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n"
            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] OVERLOADED = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nCache-Control: no-store\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

    private final Function<String, PublishedPage> pages;
    private final PublishedPage notPublished;
    private final AtomicInteger open;
    private final int maxConnections;

    /** The path of this connection's last request and its key: a reader asks for the same page again and again. */
    private byte[] lastPath = new byte[0];
    private String lastKey = null;
    private boolean closing;
    /** Answers of the current read batch not yet written. */
    private ByteBuf pending;

    /**
     * @param pages the page of a snapshot key ({@link Snapshots#get}), null if there is none
     * @param notPublished the answer where there is none (404)
     * @param open the listener's count of open connections
     */
    PublicConnection(Function<String, PublishedPage> pages, PublishedPage notPublished, AtomicInteger open, int maxConnections) {
        this.pages = pages;
        this.notPublished = notPublished;
        this.open = open;
        this.maxConnections = maxConnections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        // Above the limit a fast 503 with Retry-After, instead of a queue that ends in timeouts.
        if (open.incrementAndGet() > maxConnections) {
            closing = true;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(OVERLOADED)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        super.channelInactive(ctx);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        flushAnswers(ctx);
        super.channelReadComplete(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!closing && in.isReadable()) {
            if (!answerOne(ctx, in)) {
                return; // the rest of the request is still on its way
            }
        }
        if (closing) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** Answers the request at the reader index and moves past it; false if it is not complete yet. */
    private boolean answerOne(ChannelHandlerContext ctx, ByteBuf in) {
        int start = in.readerIndex();
        int limit = in.writerIndex();
        // RFC 9112 §2.2: empty lines before a request line are ignored.
        while (start < limit && (in.getByte(start) == '\r' || in.getByte(start) == '\n')) {
            start++;
        }
        int lineEnd = in.indexOf(start, Math.min(limit, start + MAX_REQUEST_LINE + 1), (byte) '\n');
        if (lineEnd < 0) {
            if (limit - start > MAX_REQUEST_LINE) {
                return reject(ctx, in);
            }
            in.readerIndex(start);
            return false;
        }
        // Request line: method SP target SP version.
        int lineStop = trimCr(in, start, lineEnd);
        int sp1 = in.indexOf(start, lineStop, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : in.indexOf(sp1 + 1, lineStop, (byte) ' ');
        if (sp1 <= start || sp2 <= sp1 + 1 || lineStop - sp2 - 1 != 8 || !startsWith(in, sp2 + 1, "HTTP/1.")) {
            return reject(ctx, in);
        }
        byte minor = in.getByte(sp2 + 8);
        if (minor != '0' && minor != '1') {
            return reject(ctx, in);
        }
        boolean keepAlive = minor == '1';
        boolean get = sp1 - start == 3 && startsWith(in, start, "GET");
        boolean head = sp1 - start == 4 && startsWith(in, start, "HEAD");

        // Header lines up to the empty line; only the few that matter are located.
        int ifNoneMatch = -1, ifNoneMatchEnd = -1;
        boolean gzip = false, body = false;
        int line = lineEnd + 1;
        int headersLimit = Math.min(limit, lineEnd + 1 + MAX_HEADERS + 1);
        while (true) {
            // (indexOf searches backwards when from > to)
            int end = line >= headersLimit ? -1 : in.indexOf(line, headersLimit, (byte) '\n');
            if (end < 0) {
                if (limit - lineEnd - 1 > MAX_HEADERS) {
                    return reject(ctx, in);
                }
                in.readerIndex(start);
                return false;
            }
            int stop = trimCr(in, line, end);
            if (stop == line) { // the empty line: the request is complete
                in.readerIndex(end + 1);
                break;
            }
            int colon = in.indexOf(line, stop, (byte) ':');
            if (colon <= line) {
                return reject(ctx, in);
            }
            int value = skipSpaces(in, colon + 1, stop);
            int valueEnd = trimSpaces(in, value, stop);
            if (nameIs(in, line, colon, "if-none-match")) {
                ifNoneMatch = value;
                ifNoneMatchEnd = valueEnd;
            } else if (nameIs(in, line, colon, "accept-encoding")) {
                gzip |= containsIgnoringCase(in, value, valueEnd, "gzip");
            } else if (nameIs(in, line, colon, "connection")) {
                if (containsIgnoringCase(in, value, valueEnd, "close")) {
                    keepAlive = false;
                } else if (containsIgnoringCase(in, value, valueEnd, "keep-alive")) {
                    keepAlive = true;
                }
            } else if (nameIs(in, line, colon, "content-length")) {
                body |= !(valueEnd - value == 1 && in.getByte(value) == '0');
            } else if (nameIs(in, line, colon, "transfer-encoding")) {
                body = true;
            }
            line = end + 1;
        }

        if (!get && !head) {
            // No body is read here, so after one the connection cannot go on.
            if (body) {
                write(ctx, NOT_ALLOWED_CLOSE, false);
            } else {
                write(ctx, NOT_ALLOWED, keepAlive);
            }
            return true;
        }
        if (body) {
            return reject(ctx, in); // a GET with a body is no request of a reader
        }
        PublishedPage page = page(in, sp1 + 1, sp2);
        byte[] date = Dates.line(keepAlive);
        if (ifNoneMatch >= 0 && matches(page, in, ifNoneMatch, ifNoneMatchEnd)) {
            answer(ctx, keepAlive, page.headNotModified(), date, null);
        } else {
            answer(ctx, keepAlive, page.head(gzip), date, head ? null : gzip ? page.gzip() : page.body());
        }
        return true;
    }

    /** The page for the request target (origin form, or absolute form from a proxy); query ignored. */
    private PublishedPage page(ByteBuf in, int from, int to) {
        int path = from;
        if (in.getByte(from) != '/') { // absolute form: http://host/path
            int scheme = in.indexOf(from, to, (byte) ':');
            int slash = scheme < 0 || scheme + 3 > to ? -1 : in.indexOf(scheme + 3, to, (byte) '/');
            if (slash < 0) {
                return notPublished;
            }
            path = slash;
        }
        int end = in.forEachByte(path, to - path, b -> b != '?' && b != '#');
        if (end < 0) {
            end = to;
        }
        String key = key(in, path, end);
        PublishedPage page = key.startsWith(PublicReadFilter.PREFIX) ? pages.apply(key) : null;
        return page != null ? page : notPublished;
    }

    /** The snapshot key of a path; the last one is kept, so a reader's repeated request allocates nothing. */
    private String key(ByteBuf in, int from, int to) {
        int n = to - from;
        if (lastKey != null && lastPath.length == n && equalBytes(in, from, lastPath)) {
            return lastKey;
        }
        byte[] bytes = new byte[n];
        in.getBytes(from, bytes);
        String path = new String(bytes, StandardCharsets.ISO_8859_1);
        lastPath = bytes;
        lastKey = path.endsWith("/") ? path + "index.html" : path;
        return lastKey;
    }

    /** 400 and close: what follows a malformed request cannot be told apart from it. */
    private boolean reject(ChannelHandlerContext ctx, ByteBuf in) {
        in.skipBytes(in.readableBytes());
        write(ctx, BAD_REQUEST, false);
        return true;
    }

    /** A fixed answer (no Date line): 400, 405. */
    private void write(ChannelHandlerContext ctx, byte[] bytes, boolean keepAlive) {
        answer(ctx, keepAlive, bytes, null, null);
    }

    /**
     * Adds an answer (head, Date line and body; either of the last two may be null) to those of
     * this read batch; {@code keepAlive} false closes the connection after it. All answers of a
     * batch go out as one direct buffer in one write: per part, a wrapped array and the socket's
     * gathering write cost more garbage than the bytes themselves.
     */
    private void answer(ChannelHandlerContext ctx, boolean keepAlive, byte[] head, byte[] date, byte[] body) {
        int size = head.length + (date == null ? 0 : date.length) + (body == null ? 0 : body.length);
        if (pending == null) {
            pending = ctx.alloc().directBuffer(size);
        }
        pending.ensureWritable(size);
        pending.writeBytes(head);
        if (date != null) {
            pending.writeBytes(date);
        }
        if (body != null) {
            pending.writeBytes(body);
        }
        if (!keepAlive) {
            closing = true;
            ByteBuf last = pending;
            pending = null;
            ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Sends what the batch answered. */
    private void flushAnswers(ChannelHandlerContext ctx) {
        ByteBuf out = pending;
        if (out != null) {
            pending = null;
            ctx.writeAndFlush(out, ctx.voidPromise());
        }
    }

    private static int trimCr(ByteBuf in, int from, int lf) {
        return lf > from && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
    }

    private static int skipSpaces(ByteBuf in, int from, int to) {
        while (from < to && (in.getByte(from) == ' ' || in.getByte(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimSpaces(ByteBuf in, int from, int to) {
        while (to > from && (in.getByte(to - 1) == ' ' || in.getByte(to - 1) == '\t')) {
            to--;
        }
        return to;
    }

    private static boolean startsWith(ByteBuf in, int at, String ascii) {
        if (at + ascii.length() > in.writerIndex()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (in.getByte(at + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Header names are case-insensitive (RFC 9110 §5.1); {@code lower} is given in lower case. */
    private static boolean nameIs(ByteBuf in, int from, int to, String lower) {
        return to - from == lower.length() && regionMatchesIgnoringCase(in, from, lower);
    }

    private static boolean containsIgnoringCase(ByteBuf in, int from, int to, String lower) {
        for (int i = from; i + lower.length() <= to; i++) {
            if (regionMatchesIgnoringCase(in, i, lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatchesIgnoringCase(ByteBuf in, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            int b = in.getByte(at + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalBytes(ByteBuf in, int from, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (in.getByte(from + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether an If-None-Match value names the page's ETag (or is "*"), as {@link PublishedPage#matches(String)}. */
    private static boolean matches(PublishedPage page, ByteBuf in, int from, int to) {
        if (page.status() != 200) {
            return false;
        }
        if (to - from == 1 && in.getByte(from) == '*') {
            return true;
        }
        String etag = page.etag();
        for (int i = from; i + etag.length() <= to; i++) {
            if (startsWith(in, i, etag)) {
                return true;
            }
        }
        return false;
    }

    /** The Date line (RFC 9110 §6.6.1), formatted once per second, with the closing empty line. */
    static final class Dates {
        private record Line(long second, byte[] keepAlive, byte[] close) {}

        private static volatile Line current = new Line(-1, END, END);

        static byte[] line(boolean keepAlive) {
            long now = System.currentTimeMillis() / 1000;
            Line l = current;
            if (l.second() != now) {
                String date = "Date: " + PublishedPage.HTTP_DATE.format(java.time.Instant.ofEpochSecond(now)) + "\r\n";
                l = new Line(now, (date + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
                        (date + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                current = l;
            }
            return keepAlive ? l.keepAlive() : l.close();
        }
    }
}
