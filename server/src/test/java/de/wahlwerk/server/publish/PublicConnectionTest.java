package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The public listener's request reading, byte by byte: what a browser, a newsroom's script, a
 * proxy or a broken client may send, and what each gets back. (PublicListenerIT checks the same
 * listener over a real socket against the servlet path.)
 */
class PublicConnectionTest {

    private static final String PATH = "/wahlen/1/admin/09999001.json";
    private final PublishedPage json = PublishedPage.of("{\"unitsExpected\":80}", "application/json");
    private final PublishedPage index = PublishedPage.of("<p>Übersicht</p>", "text/html;charset=UTF-8");
    private final PublishedPage missing = PublishedPage.of("<p>Noch nichts</p>", "text/html;charset=UTF-8").withStatus(404);
    private final Map<String, PublishedPage> pages = Map.of(PATH, json, "/wahlen/1/index.html", index);
    private final AtomicInteger open = new AtomicInteger();

    private EmbeddedChannel connection(int maxConnections) {
        return new EmbeddedChannel(new PublicConnection(pages::get, missing, open, maxConnections));
    }

    private static String send(EmbeddedChannel ch, String... parts) {
        for (String part : parts) {
            ch.writeInbound(Unpooled.copiedBuffer(part, StandardCharsets.ISO_8859_1));
        }
        return answer(ch);
    }

    private static String answer(EmbeddedChannel ch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf b = ch.readOutbound(); b != null; b = ch.readOutbound()) {
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            out.writeBytes(bytes);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aGetIsAnsweredWithThePagesReadyBytesCompressedWhenAccepted() {
        EmbeddedChannel ch = connection(10);
        String plain = send(ch, "GET " + PATH + " HTTP/1.1\r\nHost: wahlen.example\r\n\r\n");
        assertThat(plain).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: application/json\r\n",
                "ETag: " + json.etag() + "\r\n", "Access-Control-Allow-Origin: *\r\n", "\r\nDate: ")
                .endsWith("\r\n\r\n{\"unitsExpected\":80}").doesNotContain("Content-Encoding");
        String gz = send(ch, "GET " + PATH + "?v=2 HTTP/1.1\r\nhost: x\r\naccept-encoding: br, GZIP\r\n\r\n");
        assertThat(gz).contains("Content-Encoding: gzip\r\n", "Content-Length: " + json.gzip().length + "\r\n")
                .endsWith(new String(json.gzip(), StandardCharsets.ISO_8859_1));
        assertThat(ch.isOpen()).as("HTTP/1.1 keeps the connection").isTrue();
    }

    @Test
    void aRequestArrivingInPiecesIsAnsweredOnceComplete() {
        EmbeddedChannel ch = connection(10);
        assertThat(send(ch, "GE", "T " + PATH.substring(0, 9))).isEmpty();
        assertThat(send(ch, PATH.substring(9) + " HTTP/1.1\r\nHo", "st: x\r", "\n")).isEmpty();
        assertThat(send(ch, "\r\n")).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"unitsExpected\":80}");
    }

    /**
     * Every buffer of a request is released once read, whether answered, split, pipelined, broken
     * or left unfinished by a closing client: the production listener runs without Netty's leak
     * detector (PublicListener), so a leak would only show as memory growing through a night.
     */
    @Test
    void everyBufferItReadsIsReleasedWhateverTheClientSends() {
        java.util.List<ByteBuf> read = new java.util.ArrayList<>();
        String[][] conversations = {
                {"GET " + PATH + " HTTP/1.1\r\nHost: x\r\n\r\n"},
                {"GE", "T " + PATH + " HTTP/1.1\r\n", "\r\nGET /wahlen/1/index.html HTTP/1.1\r\n\r\nGET "},
                {"HELLO\r\n\r\n"},
                {"POST " + PATH + " HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"},
                {"GET " + PATH + " HTTP/1.1\r\nHost: unfinished"}};
        for (String[] parts : conversations) {
            EmbeddedChannel ch = connection(10);
            for (String part : parts) {
                ByteBuf in = Unpooled.copiedBuffer(part, StandardCharsets.ISO_8859_1);
                read.add(in);
                ch.writeInbound(in);
            }
            answer(ch);
            ch.finishAndReleaseAll();
        }
        assertThat(read).allSatisfy(b -> assertThat(b.refCnt()).as("released").isZero());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndHttp10IsClosedAfterItsAnswer() {
        EmbeddedChannel ch = connection(10);
        String both = send(ch, "\r\nHEAD " + PATH + " HTTP/1.1\r\nHost: x\r\n\r\nGET /wahlen/1/ HTTP/1.0\r\n\r\nGET " + PATH + " HTTP/1.1\r\n\r\n");
        int second = both.indexOf("HTTP/1.1 200 OK", 10);
        assertThat(second).as("HEAD has no body: the second answer follows its empty line").isEqualTo(both.indexOf("\r\n\r\n") + 4);
        assertThat(both.substring(second)).contains("Connection: close\r\n").endsWith("<p>Übersicht</p>".replace("Ü", "Ã\u009c"));
        assertThat(both.indexOf("HTTP/1.1", second + 10)).as("nothing answered after the close").isNegative();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void connectionCloseAndKeepAliveAreHonoured() {
        EmbeddedChannel close = connection(10);
        assertThat(send(close, "GET " + PATH + " HTTP/1.1\r\nConnection: Close\r\n\r\n")).contains("Connection: close\r\n");
        assertThat(close.isOpen()).isFalse();
        EmbeddedChannel keep = connection(10);
        assertThat(send(keep, "GET " + PATH + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")).doesNotContain("Connection: close");
        assertThat(keep.isOpen()).isTrue();
    }

    @Test
    void aKnownEtagGets304AndAnyOtherTheFullPage() {
        EmbeddedChannel ch = connection(10);
        assertThat(send(ch, "GET " + PATH + " HTTP/1.1\r\nIf-None-Match: \"old\", " + json.etag() + "\r\n\r\n"))
                .startsWith("HTTP/1.1 304 Not Modified\r\n").contains("ETag: " + json.etag()).endsWith("\r\n\r\n")
                .doesNotContain("Content-Length");
        assertThat(send(ch, "GET " + PATH + " HTTP/1.1\r\nif-none-match:  * \r\n\r\n")).startsWith("HTTP/1.1 304 ");
        assertThat(send(ch, "GET " + PATH + " HTTP/1.1\r\nIf-None-Match: \"old\"\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        assertThat(send(ch, "GET /wahlen/9/ HTTP/1.1\r\nIf-None-Match: *\r\n\r\n"))
                .as("nothing published there: no 304 for it").startsWith("HTTP/1.1 404 ");
    }

    @Test
    void whatIsNotPublishedGetsThe404PageAndAProxysAbsoluteFormIsUnderstood() {
        EmbeddedChannel ch = connection(10);
        assertThat(send(ch, "GET /wahlen/2/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("<p>Noch nichts</p>");
        assertThat(send(ch, "GET /admin/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 404 ");
        assertThat(send(ch, "GET http://wahlen.example" + PATH + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        assertThat(send(ch, "GET http://wahlen.example HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 404 ");
    }

    @Test
    void writesGet405AndAfterABodyTheConnectionIsClosed() {
        EmbeddedChannel ch = connection(10);
        assertThat(send(ch, "POST " + PATH + " HTTP/1.1\r\nContent-Length: 0\r\n\r\n"))
                .startsWith("HTTP/1.1 405 Method Not Allowed\r\n").contains("Allow: GET, HEAD\r\n");
        assertThat(ch.isOpen()).isTrue();
        assertThat(send(ch, "PUT " + PATH + " HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")).startsWith("HTTP/1.1 405 ")
                .contains("Connection: close");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void malformedOrOversizedRequestsGet400AndTheConnectionIsClosed() {
        for (String bad : new String[] {
                "HELLO\r\n\r\n",
                "GET " + PATH + "\r\n\r\n",
                "GET " + PATH + " HTTP/2.0\r\n\r\n",
                "GET " + PATH + " HTTP/1.1\r\nno colon here\r\n\r\n",
                "GET " + PATH + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                "GET /" + "a".repeat(PublicConnection.MAX_REQUEST_LINE) + " HTTP/1.1\r\n\r\n",
                "GET /" + "a".repeat(PublicConnection.MAX_REQUEST_LINE + 10),
                "GET " + PATH + " HTTP/1.1\r\nX-Long: " + "b".repeat(PublicConnection.MAX_HEADERS) + "\r\n\r\n",
                "GET " + PATH + " HTTP/1.1\r\n" + "X-Many: c\r\n".repeat(PublicConnection.MAX_HEADERS / 11 + 1)}) {
            EmbeddedChannel ch = connection(10);
            assertThat(send(ch, bad)).as(bad.length() > 60 ? bad.substring(0, 60) + "…" : bad)
                    .isEqualTo("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertThat(ch.isOpen()).isFalse();
        }
        EmbeddedChannel justBelow = connection(10);
        String path = PATH + "?" + "q".repeat(PublicConnection.MAX_REQUEST_LINE - PATH.length() - 30);
        assertThat(send(justBelow, "GET " + path + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aboveTheConnectionLimitANewConnectionGetsAFast503WithRetryAfter() {
        EmbeddedChannel first = connection(2);
        EmbeddedChannel second = connection(2);
        EmbeddedChannel third = connection(2);
        assertThat(answer(third)).startsWith("HTTP/1.1 503 Service Unavailable\r\n").contains("Retry-After: 5\r\n");
        assertThat(third.isOpen()).isFalse();
        assertThat(open).as("the refused one is counted off again").hasValue(2);
        assertThat(send(second, "GET " + PATH + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        first.close();
        assertThat(answer(connection(2))).as("room again after a close").isEmpty();
    }
}
