package de.wahlwerk.server.publish;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
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
 * body; no servlet container, no security chain, no general HTTP decoder ({@link PublicConnection}
 * reads the few parts of a request an answer depends on).
 * Measured against nginx in ADR 0620. Above {@code wahlwerk.public-max-connections} open
 * connections a new one gets a fast 503 with Retry-After instead of a queue that ends in timeouts.
 */
@Component
class PublicListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicListener.class);
    static {
        // Lets Netty swap the selector's set of ready keys for its own array (the jar's manifest opens
        // sun.nio.ch for it): the JDK's set allocates an entry for every ready connection at every
        // wake-up, the biggest part of what was left of the listener's garbage per request.
        if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
            System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        }
        // Netty's leak detector samples one buffer in 128 and records a stack trace for it, on the
        // listener's threads (1,112 traces in two minutes of a national night, JFR). That a request's
        // buffers are released on every path is PublicConnectionTest's to show; an operator can
        // switch the detector on with Netty's property.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
    }

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
                // Netty's own threads: its recyclers and buffer caches keep per-thread pools only there.
                new io.netty.util.concurrent.DefaultThreadFactory("wahlwerk-public", true), NioIoHandler.newFactory());
        java.util.function.Function<String, PublishedPage> pages = snapshots::get;
        PublishedPage notPage = notPublished.page();
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // Pooled buffers keep their NIO view; the adaptive default made a new one for every read.
                .childOption(ChannelOption.ALLOCATOR, io.netty.buffer.PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(60, TimeUnit.SECONDS),
                                new PublicConnection(pages, notPage, open, maxConnections));
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
}
