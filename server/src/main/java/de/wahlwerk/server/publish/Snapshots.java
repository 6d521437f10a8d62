package de.wahlwerk.server.publish;

import de.wahlwerk.server.ops.WahlwerkProperties;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The published pages by path, in memory (readers never wait for writers), and as static
 * snapshots on disk for nginx, object storage or a CDN (ADR 0621).
 * <p>
 * {@link #put} changes memory only. {@link #commit} closes a publishing round: it hands a
 * consistent copy of all pages to the snapshot writer, which signs the manifest of each election
 * that changed (and serves it from memory too), then writes the complete tree as a new generation
 * directory {@code <data-dir>/public/g-NNNNNN} and switches the symlink {@code public/current} to
 * it with one atomic rename: a reader of {@code current} sees one whole generation or the next,
 * never a mix. The last {@value #KEEP} generations are kept for readers still inside them. Until
 * there are that many, a generation hard-links the unchanged files of the previous one; after
 * that, the oldest is turned into the next, writing only what changed since it, and older ones are
 * pruned. Rounds that arrive while a generation is written, or while the writer rests after one,
 * coalesce into the next.
 */
@Component
class Snapshots implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);
    private static final Pattern ELECTION = Pattern.compile("^" + PublicReadFilter.PREFIX + "(\\d+)/");
    private static final Pattern GENERATION = Pattern.compile("g-(\\d+)");
    static final int KEEP = 3;
    static final String CURRENT = "current";

    private final Map<String, PublishedPage> pages = new ConcurrentHashMap<>();
    private final Set<Long> changedElections = new HashSet<>();
    /** A page changed since the last {@link #commit}. */
    private boolean dirty;
    private final Path root;
    private final SigningKeys keys;
    /** A state queued for the writer and the elections changed up to it since the writer last took one. */
    /** A state to write; {@code since}: when the oldest state it replaces was queued ({@link System#nanoTime}). */
    private record Pending(Map<String, PublishedPage> state, Set<Long> changed, long since) {
        Pending and(Pending newer) {
            Set<Long> all = new HashSet<>(changed);
            all.addAll(newer.changed());
            return new Pending(newer.state(), all, since);
        }
    }

    private final AtomicReference<Pending> pending = new AtomicReference<>();
    /**
     * Writes the generations. At the node's own priority, unlike the page thread (ADR 0009): what
     * it writes is what nginx or a CDN serve to the crowd, and it keeps to a tenth of a core anyway
     * ({@link SnapshotPacing}).
     */
    private final ScheduledExecutorService writer;
    /** Writer thread only: the number of the last generation written. */
    private long generation;
    private volatile long currentGeneration;
    /** Writer thread only: the lock that makes this process the one writer of the folder. */
    private volatile FileChannel lockChannel;
    private FileLock lock;
    private boolean toldNotOwner;

    @org.springframework.beans.factory.annotation.Autowired
    Snapshots(WahlwerkProperties properties, SigningKeys keys) {
        this(properties, keys, SnapshotPacing.BURST_MILLIS * 1_000_000L, CATCH_UP_AFTER_MILLIS);
    }

    /**
     * With a budget of {@code burstNanos} saved up (tests: 0, to see the writer rest at once), and
     * kept generations brought up to date after {@code catchUpAfterMillis} of quiet (0: never).
     */
    Snapshots(WahlwerkProperties properties, SigningKeys keys, long burstNanos, long catchUpAfterMillis) {
        this.pacing = new SnapshotPacing(burstNanos, System.nanoTime());
        this.catchUpAfterMillis = catchUpAfterMillis;
        this.root = properties.dataDir().toAbsolutePath().normalize().resolve("public");
        this.keys = keys;
        this.writer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("wahlwerk-snapshot").daemon().factory());
    }

    PublishedPage get(String path) {
        return pages.get(path);
    }

    /** Serves the page from now on (same bytes: the old page, its ETag and date stay). */
    synchronized void put(String path, PublishedPage page) {
        PublishedPage before = pages.get(path);
        PublishedPage now = before == null ? page : before.replacedBy(page);
        if (now != before) {
            pages.put(path, now);
            dirty = true;
            Matcher m = ELECTION.matcher(path);
            if (m.find()) {
                changedElections.add(Long.parseLong(m.group(1)));
            }
        }
    }

    /**
     * Ends a publishing round: queues a consistent copy of all pages for the next snapshot
     * generation, remembering which elections changed. The copy is taken under the monitor of
     * {@link #put}; rounds are serialised by their own lock, so a newer state is never queued
     * before an older one.
     * <p>
     * The manifest of each changed election is hashed and signed by the writer, once per
     * generation, not here once per round: signing every round was a tenth of the node's CPU in
     * the NRW replay, and the signature belongs to what is written together anyway.
     */
    void commit() {
        synchronized (commitLock) {
            Pending round;
            synchronized (this) {
                if (!dirty && changedElections.isEmpty()) {
                    return;
                }
                // A copy of its own: the writer adds the signed files to it.
                round = new Pending(new HashMap<>(pages), Set.copyOf(changedElections), System.nanoTime());
                changedElections.clear();
                dirty = false;
            }
            // The state and the elections changed up to it travel together: the writer signs
            // exactly those against exactly this state, however rounds and writes interleave.
            pending.accumulateAndGet(round, (queued, newer) -> queued == null ? newer : queued.and(newer));
            writer.execute(this::writeLatest);
        }
    }

    /** Writer thread only: elections whose signing failed, to be signed with the next state. */
    private final Set<Long> unsignedElections = new HashSet<>();

    /**
     * Signs the manifest of every election changed since the last signature into {@code state},
     * and serves the signed files from memory too. False when signing failed (e.g. the key could
     * not be read from the database): the elections stay due, and no generation is written with a
     * manifest that does not match it.
     */
    private boolean signChanged(Map<String, PublishedPage> state, Set<Long> changed) {
        unsignedElections.addAll(changed);
        List<Long> elections = List.copyOf(unsignedElections);
        unsignedElections.clear();
        Map<String, PublishedPage> signed = new HashMap<>();
        try {
            for (long election : elections) {
                sign(election, state, signed);
            }
        } catch (RuntimeException e) {
            unsignedElections.addAll(elections);
            log.warn("Snapshot manifest could not be signed, the last generation stays current: {}", e.toString());
            return false;
        }
        synchronized (this) {
            signed.forEach((path, page) -> {
                PublishedPage before = pages.get(path);
                PublishedPage now = before == null ? page : before.replacedBy(page);
                pages.put(path, now);
                lastSigned.put(path, now);
            });
        }
        // Every election's newest signed files, also of those not signed now: this state may have
        // been copied while the previous generation was being signed, with the manifest before
        // that one, and an election that did not change since is described by the newest.
        state.putAll(lastSigned);
        return true;
    }

    /** Writer thread only: each election's newest manifest, signature and public key, by path. */
    private final Map<String, PublishedPage> lastSigned = new HashMap<>();

    private final Object commitLock = new Object();

    /** Writer thread only: each election's manifest lines, kept up to date from one state to the next. */
    private final Map<Long, ManifestLines> manifests = new HashMap<>();
    /** Writer thread only: each election's public key and its page. */
    private final Map<Long, Map.Entry<java.security.PublicKey, PublishedPage>> keyPages = new HashMap<>();

    /** Adds the election's public key, manifest of {@code state} and signature to {@code signed}. */
    private void sign(long election, Map<String, PublishedPage> state, Map<String, PublishedPage> signed) {
        String base = PublicReadFilter.PREFIX + election + "/";
        KeyPair pair = keys.keyPair(election);
        var known = keyPages.get(election);
        if (known == null || !known.getKey().equals(pair.getPublic())) {
            known = Map.entry(pair.getPublic(), PublishedPage.of(SnapshotManifest.pem(pair.getPublic()), "text/plain;charset=UTF-8"));
            keyPages.put(election, known);
        }
        PublishedPage key = known.getValue();
        signed.put(base + SnapshotManifest.PUBLIC_KEY, key);
        state.put(base + SnapshotManifest.PUBLIC_KEY, key); // the key is listed in the manifest too
        ManifestLines lines = manifests.computeIfAbsent(election, e -> new ManifestLines(base));
        lines.update(state);
        byte[] manifest = lines.bytes();
        signed.put(base + SnapshotManifest.MANIFEST, PublishedPage.of(manifest, "text/plain;charset=UTF-8"));
        signed.put(base + SnapshotManifest.SIGNATURE,
                PublishedPage.of(SnapshotManifest.sign(manifest, pair.getPrivate()), "application/octet-stream"));
    }

    /** The public folder; nginx serves {@code current} below it. */
    Path root() {
        return root;
    }

    /** The directory the {@code current} symlink points to now. */
    Path current() {
        return root.resolve(CURRENT);
    }

    /** Number of the generation {@code current} points to (0 before the first). */
    long generation() {
        return currentGeneration;
    }

    /** Writer thread only: when the writer may write again. */
    private final SnapshotPacing pacing;
    /** The CPU time the last generation used. */
    private volatile long lastWriteNanos;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private void writeLatest() {
        long rest = pacing.restNanos(System.nanoTime());
        if (rest > 0 && pending.get() != null) {
            try {
                TimeUnit.NANOSECONDS.sleep(rest);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down
                return;
            }
        }
        Pending queued = pending.getAndSet(null);
        if (queued == null) {
            return;
        }
        long started = THREADS.getCurrentThreadCpuTime();
        resetCounts();
        try {
            Map<String, PublishedPage> state = queued.state();
            // A node that does not own the folder signs too: it serves the manifest from memory.
            boolean signed = signChanged(state, queued.changed());
            signingNanos = THREADS.getCurrentThreadCpuTime() - started;
            if (signed && ownsFolder()) {
                writeGeneration(state);
                lastGenerationEnd = System.nanoTime();
                scheduleCatchUp();
            }
        } finally {
            long ended = System.nanoTime();
            lastWriteNanos = Math.max(0, THREADS.getCurrentThreadCpuTime() - started);
            pacing.spent(lastWriteNanos, ended);
            // What sets the static mirror's delay: this generation's CPU and the rest it earns.
            if (log.isDebugEnabled()) {
                log.debug("Snapshot generation {}: {} ms CPU ({} ms signing), {} ms waited for, {} of {} pages written ({} kB),"
                        + " {} linked, {} removed; the next rests {} ms", currentGeneration, lastWriteNanos / 1_000_000,
                        signingNanos / 1_000_000, (ended - queued.since()) / 1_000_000, written, queued.state().size(),
                        writtenBytes / 1024, linked, removed, pacing.restNanos(ended) / 1_000_000);
            }
        }
    }

    /**
     * A recycled generation is brought up to date with what changed since it was current. After
     * a burst of changes (the first publication at polls close, a set-up change) the kept older
     * generations lag behind by all of it, and the first reports after the quiet spell paid for
     * it: three generations in a row rewrote most pages (1,924 and 811 of 2,281 in a replayed city,
     * the states waiting up to 1.7 s). So once the writer has been quiet for this long, it writes
     * the current state again until every kept generation holds it; readers still inside an older
     * generation have long finished. The numbers are unchanged, only the folder's number moves on.
     */
    static final long CATCH_UP_AFTER_MILLIS = 3_000;
    private final long catchUpAfterMillis;
    /** Writer thread only: when the last generation of a new state was written ({@link System#nanoTime}). */
    private long lastGenerationEnd;
    /** Writer thread only: a catch-up is scheduled. */
    private ScheduledFuture<?> catchUp;

    /** Writer thread only: after a generation, a catch-up once the writer has been quiet long enough. */
    private void scheduleCatchUp() {
        if (catchUpAfterMillis <= 0 || (catchUp != null && !catchUp.isDone())) {
            return;
        }
        catchUp = writer.schedule(this::catchUp, catchUpAfterMillis, TimeUnit.MILLISECONDS);
    }

    private void catchUp() {
        if (pending.get() != null || ours.size() < KEEP || lock == null || !lock.isValid()) {
            return; // a new state comes anyway, or no generation is recycled yet
        }
        long quietFor = System.nanoTime() - lastGenerationEnd;
        if (quietFor < catchUpAfterMillis * 1_000_000L) {
            // Not quiet yet: a busy night writes generations anyway, each bringing one more up to date.
            catchUp = writer.schedule(this::catchUp, catchUpAfterMillis * 1_000_000L - quietFor, TimeUnit.NANOSECONDS);
            return;
        }
        Map<String, PublishedPage> current = ours.peekLast().files();
        if (ours.peekFirst().files() == current) {
            return; // every kept generation holds the current state: the catch-ups wrote this very map
        }
        long rest = pacing.restNanos(System.nanoTime());
        if (rest > 0) {
            catchUp = writer.schedule(this::catchUp, rest, TimeUnit.NANOSECONDS);
            return;
        }
        long started = THREADS.getCurrentThreadCpuTime();
        resetCounts();
        long before = currentGeneration;
        writeGeneration(current);
        long took = Math.max(0, THREADS.getCurrentThreadCpuTime() - started);
        pacing.spent(took, System.nanoTime());
        log.debug("Snapshot generation {} (catch-up): {} ms CPU, {} of {} pages written ({} kB), {} removed", currentGeneration,
                took / 1_000_000, written, current.size(), writtenBytes / 1024, removed);
        if (currentGeneration == before) {
            return; // not written (a failing disk, already logged): the next new state tries again
        }
        // The next kept generation at once: the writer is quiet, and the budget paces it.
        catchUp = writer.schedule(this::catchUp, 0, TimeUnit.MILLISECONDS);
    }

    /** For tests: the CPU time the last generation took to sign and write. */
    long lastGenerationNanos() {
        return lastWriteNanos;
    }

    /** A generation this process wrote: its number, folder and what it holds. */
    private record Generation(long number, Path dir, Map<String, PublishedPage> files) {}

    /** Writer thread only: the generations this process wrote and still keeps, oldest first. */
    private final java.util.ArrayDeque<Generation> ours = new java.util.ArrayDeque<>();

    /** Writer thread only, for the debug line: what the last generation did. */
    private int written, linked, removed;
    private long writtenBytes, signingNanos;

    private void resetCounts() {
        written = linked = removed = 0;
        writtenBytes = signingNanos = 0;
    }

    private void writeGeneration(Map<String, PublishedPage> state) {
        long n = ++generation;
        Path dir = root.resolve("g-%06d".formatted(n));
        try {
            ours.removeIf(g -> !Files.isDirectory(g.dir()));
            Generation oldest = ours.size() >= KEEP ? ours.peekFirst() : null;
            if (oldest != null) {
                // The oldest kept generation would be pruned after this one: it becomes this one
                // instead, and only what changed since it is written. A national night changes a
                // few hundred files per round out of ten thousand; linking all of them and deleting
                // as many was nearly all of the writer's (kernel) time.
                ours.removeFirst();
                Files.move(oldest.dir(), dir, StandardCopyOption.ATOMIC_MOVE);
                update(dir, oldest.files(), state);
            } else {
                writeWhole(dir, state);
            }
            Path link = root.resolve(".current-" + n);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(dir.getFileName().toString()));
            Files.move(link, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            currentGeneration = n;
            ours.addLast(new Generation(n, dir, state));
            while (ours.size() > KEEP) {
                ours.removeFirst(); // pruned below
            }
        } catch (IOException | RuntimeException e) {
            // The in-memory pages are served anyway and the last whole generation stays current:
            // a failing disk must not stop election night.
            log.warn("Snapshot generation {} could not be written, {} stays current: {}", n,
                    ours.isEmpty() ? null : ours.peekLast().dir(), e.toString());
            deleteQuietly(dir);
            return;
        }
        prune();
    }

    /** A complete generation: unchanged files hard-linked from the current one, the others written. */
    private void writeWhole(Path dir, Map<String, PublishedPage> state) throws IOException {
        Generation last = ours.peekLast();
        deleteTree(dir);
        Files.createDirectories(dir);
        Set<Path> made = new HashSet<>();
        for (var e : state.entrySet()) {
            String rel = e.getKey().substring(1);
            Path target = inside(dir, e.getKey());
            if (made.add(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            Path gz = target.resolveSibling(target.getFileName() + ".gz");
            if (last != null && last.files().get(e.getKey()) == e.getValue() && link(last.dir().resolve(rel), target)
                    && link(last.dir().resolve(rel + ".gz"), gz)) {
                linked++;
                continue;
            }
            Files.write(target, e.getValue().body());
            Files.write(gz, e.getValue().gzip());
            written++;
            writtenBytes += e.getValue().body().length + e.getValue().gzip().length;
        }
    }

    /**
     * Turns a recycled generation holding {@code before} into one holding {@code state}. Files are
     * shared (hard-linked) with the newer generations, so a changed file is never written in place:
     * it is written beside and renamed over the old name, which leaves the other generations' copy
     * as it was. A page is unchanged when it is the same object ({@link #put} keeps the old object
     * for the same bytes).
     */
    private void update(Path dir, Map<String, PublishedPage> before, Map<String, PublishedPage> state) throws IOException {
        Set<Path> made = new HashSet<>();
        for (var e : state.entrySet()) {
            if (before.get(e.getKey()) == e.getValue()) {
                continue;
            }
            Path target = inside(dir, e.getKey());
            // A recycled generation has its folders already: ask first, as Files.createDirectories
            // learns that from an exception (a dozen a second on a busy night).
            if (made.add(target.getParent()) && !Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            replace(target, e.getValue().body());
            replace(target.resolveSibling(target.getFileName() + ".gz"), e.getValue().gzip());
            written++;
            writtenBytes += e.getValue().body().length + e.getValue().gzip().length;
        }
        for (String gone : before.keySet()) {
            if (!state.containsKey(gone)) {
                Path target = inside(dir, gone);
                Files.deleteIfExists(target);
                Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".gz"));
                removed++;
            }
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path fresh = target.resolveSibling("." + target.getFileName() + ".new");
        Files.write(fresh, bytes);
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path inside(Path dir, String path) {
        Path target = dir.resolve(path.substring(1)).normalize();
        if (!target.startsWith(dir)) {
            throw new IllegalArgumentException("snapshot path outside the public folder: " + path);
        }
        return target;
    }

    /**
     * Two nodes started on one data directory would number their generations from the same counter
     * and switch the same {@code current} link. One writer per folder: the process holding an
     * exclusive lock on {@code public/.writer.lock} writes; another serves its pages from memory
     * only and takes over (continuing the numbering it finds) once the writer's lock is gone.
     */
    private boolean ownsFolder() {
        if (lock != null && lock.isValid()) {
            return true;
        }
        try {
            Files.createDirectories(root);
            if (lockChannel == null || !lockChannel.isOpen()) {
                lockChannel = FileChannel.open(root.resolve(".writer.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null; // another context in this JVM (tests) writes the folder
            }
        } catch (IOException e) {
            log.warn("Snapshot folder {} cannot be locked, no generation written: {}", root, e.toString());
            return false;
        }
        if (lock == null) {
            if (!toldNotOwner) {
                toldNotOwner = true;
                log.info("Another Wahlwerk process writes the snapshots in {}; this node serves its pages from memory", root);
            }
            return false;
        }
        // From here on this process writes: continue after the highest generation present.
        generation = existingGenerations().stream().mapToLong(Snapshots::number).max().orElse(0);
        ours.clear();
        log.info("Writing the public snapshots in {} (after generation {})", root, generation);
        return true;
    }

    private static boolean link(Path existing, Path target) {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void prune() {
        List<Path> all = existingGenerations();
        for (int i = 0; i < all.size() - KEEP; i++) {
            Path dir = all.get(i);
            if (ours.stream().noneMatch(g -> g.dir().equals(dir))) {
                deleteQuietly(all.get(i));
            }
        }
    }

    private List<Path> existingGenerations() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> GENERATION.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(Snapshots::number)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long number(Path generationDir) {
        return Long.parseLong(generationDir.getFileName().toString().substring(2));
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            // Also a file vanishing under the walk (another process pruning the same folder):
            // the writer thread must survive it, the next round prunes again.
            log.warn("Old snapshot generation {} could not be removed: {}", dir, e.toString());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void destroy() {
        writer.shutdownNow();
        try {
            // The lock goes only once the writer has stopped: another node taking over must not see
            // this one still switching `current`.
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Snapshot writer did not stop within 10 s; releasing the folder anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (lockChannel != null) {
                lockChannel.close(); // releases the lock: another node may take over the folder
            }
        } catch (IOException e) {
            log.debug("Snapshot lock not closed cleanly: {}", e.toString());
        }
    }

    /** For tests and the latency probe: the text of a published file. */
    String text(String path) {
        PublishedPage p = pages.get(path);
        return p == null ? null : new String(p.body(), StandardCharsets.UTF_8);
    }

    /** For tests: a copy of the paths served now. */
    Map<String, PublishedPage> all() {
        return new HashMap<>(pages);
    }
}
