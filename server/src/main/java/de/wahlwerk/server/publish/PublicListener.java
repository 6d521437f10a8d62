package de.wahlwerk.server.publish;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.buffer.Unpooled;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The public read path for the crowd: a lean HTTP/1.1 listener on its own port
 * ({@code wahlwerk.public-port}) that answers {@code /wahlen/**} from the ready bytes of
 * {@link Snapshots}, writing each page's preassembled header block, a cached Date line and the
 * body; no servlet container, no security chain, nothing allocated beyond the request's headers.
 * Measured against nginx in ADR 0620. Above {@code wahlwerk.public-max-connections} open
 * connections a new one gets a fast 503 with Retry-After instead of a queue that ends in timeouts.
 */
@Component
class PublicListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicListener.class);
    private static final byte[] END = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] NOT_ALLOWED = ("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] OVERLOADED = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nCache-Control: no-store\r\n"
            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

    private final Snapshots snapshots;
    private final NotPublishedPage notPublished;
    private final int port;
    private final String host;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final boolean serving;
    private volatile EventLoopGroup group;
    private volatile Channel server;
    private volatile int boundPort = -1;

    PublicListener(Snapshots snapshots, NotPublishedPage notPublished, @Value("${wahlwerk.public-port:-1}") int port,
            @Value("${wahlwerk.public-host:0.0.0.0}") String host,
            @Value("${wahlwerk.public-max-connections:10000}") int maxConnections,
            de.wahlwerk.server.ops.WahlwerkProperties properties) {
        this.serving = properties.serving();
        this.snapshots = snapshots;
        this.notPublished = notPublished;
        this.port = port;
        this.host = host;
        this.maxConnections = maxConnections;
    }

    @Override
    public void start() {
        if (port < 0 || !serving) {
            return;
        }
        group = new MultiThreadIoEventLoopGroup(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())),
                Thread.ofPlatform().name("wahlwerk-public-", 0).daemon().factory(), NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(60, TimeUnit.SECONDS),
                                new HttpRequestDecoder(new HttpDecoderConfig().setValidateHeaders(false)
                                        .setMaxInitialLineLength(4096).setMaxHeaderSize(8192)),
                                new Handler());
                    }
                });
        try {
            server = b.bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
        } catch (Exception e) { // Netty rethrows the checked BindException undeclared
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new IllegalStateException("Port " + port + " für die öffentlichen Seiten ist belegt (WAHLWERK_PUBLIC_PORT). "
                        + "Port " + port + " for the public pages is in use.", e);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        boundPort = ((InetSocketAddress) server.localAddress()).getPort();
        log.info("Öffentliche Ergebnisse auf Port {} (/wahlen/) · public results on port {}", boundPort, boundPort);
    }

    @Override
    public void stop() {
        Channel s = server;
        if (s != null) {
            s.close().syncUninterruptibly();
        }
        EventLoopGroup g = group;
        if (g != null) {
            g.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        server = null;
        group = null;
        boundPort = -1;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The bound port (useful with port 0), or -1 when the listener is off. */
    int port() {
        return boundPort;
    }

    /** One per connection: requests are answered in order, flushed once per read batch (pipelining). */
    private final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (open.incrementAndGet() > maxConnections) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(OVERLOADED)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.decrementAndGet();
            ctx.fireChannelInactive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest request) {
                    answer(ctx, request);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private void answer(ChannelHandlerContext ctx, HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(BAD_REQUEST)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            HttpMethod method = request.method();
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
                write(ctx, Unpooled.wrappedBuffer(NOT_ALLOWED), keepAlive);
                return;
            }
            String uri = request.uri();
            int q = uri.indexOf('?');
            String path = q < 0 ? uri : uri.substring(0, q);
            PublishedPage page = path.startsWith(PublicReadFilter.PREFIX)
                    ? snapshots.get(path.endsWith("/") ? path + "index.html" : path) : null;
            if (page == null) {
                page = notPublished.page();
            }
            byte[] date = Dates.line(keepAlive);
            if (page.matches(request.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
                write(ctx, Unpooled.wrappedBuffer(page.headNotModified(), date), keepAlive);
                return;
            }
            String accept = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING);
            boolean gzip = accept != null && accept.contains("gzip");
            if (method == HttpMethod.HEAD) {
                write(ctx, Unpooled.wrappedBuffer(page.head(gzip), date), keepAlive);
            } else {
                write(ctx, Unpooled.wrappedBuffer(page.head(gzip), date, gzip ? page.gzip() : page.body()), keepAlive);
            }
        }

        private void write(ChannelHandlerContext ctx, Object response, boolean keepAlive) {
            if (keepAlive) {
                ctx.write(response, ctx.voidPromise());
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** The Date line (RFC 9110 §6.6.1), formatted once per second, with the closing empty line. */
    static final class Dates {
        private record Line(long second, byte[] keepAlive, byte[] close) {}

        private static volatile Line current = new Line(-1, END, END);

        static byte[] line(boolean keepAlive) {
            long now = System.currentTimeMillis() / 1000;
            Line l = current;
            if (l.second() != now) {
                String date = "Date: " + PublishedPage.HTTP_DATE.format(Instant.ofEpochSecond(now))
                        + "\r\n";
                l = new Line(now, (date + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
                        (date + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                current = l;
            }
            return keepAlive ? l.keepAlive() : l.close();
        }
    }
}
