package de.wahlwerk.server.pollcards;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.ops.WahlwerkProperties;
import de.wahlwerk.server.pdf.TaggedPdf;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The print file of all polling notices of an election for the mail service, in delivery order,
 * made in the background with progress. Rows come from a database cursor and pages go to PDF
 * files of at most {@code partSize} notices, each closed before the next begins: memory stays flat
 * however large the city (PDFBox keeps a document's object tree on the heap, so one PDF of a
 * million pages would not; see ADR 0800). Up to {@code partSize} notices the print file is one
 * PDF; above, a ZIP of numbered PDFs (teil-0001.pdf, …) that together are the delivery order.
 */
@Component
class PrintJobs {

    enum State { RUNNING, DONE, FAILED }

    /** A running or finished job; {@code done} counts notices rendered so far. */
    static final class Job {
        final long electionId;
        final long total;
        final AtomicLong done = new AtomicLong();
        final Instant started = Instant.now();
        volatile Instant finished;
        volatile State state = State.RUNNING;
        volatile Path file;
        volatile int parts;
        volatile String error;
        /** CPU time of the print thread: the cost per notice, whatever else the machine is doing. */
        volatile long cpuMillis;

        Job(long electionId, long total) {
            this.electionId = electionId;
            this.total = total;
        }

        long done() {
            return done.get();
        }

        State state() {
            return state;
        }

        long total() {
            return total;
        }

        int parts() {
            return parts;
        }

        String fileName() {
            return file == null ? null : file.getFileName().toString();
        }

        /** Notices per second of CPU time of the print thread (0 until finished). */
        long ratePerCpuSecond() {
            return cpuMillis == 0 ? 0 : done.get() * 1000 / cpuMillis;
        }

        /** Notices per second so far. */
        long rate() {
            Instant end = finished == null ? Instant.now() : finished;
            long ms = Math.max(1, end.toEpochMilli() - started.toEpochMilli());
            return done.get() * 1000 / ms;
        }
    }

    private final PollCardStore store;
    private final AuditLog audit;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate write;
    private final PdfTexts texts;
    private final Path directory;
    private final int partSize;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "print-notices");
        t.setDaemon(true);
        return t;
    });

    PrintJobs(PollCardStore store, AuditLog audit, PlatformTransactionManager tx, MessageSource messages,
            WahlwerkProperties properties, @Value("${wahlwerk.pollcards.print-part-size:2000}") int partSize) {
        this.store = store;
        this.audit = audit;
        this.readOnly = new TransactionTemplate(tx);
        this.readOnly.setReadOnly(true);
        this.write = new TransactionTemplate(tx);
        this.texts = new PdfTexts(messages);
        this.directory = properties.dataDir().resolve("print");
        this.partSize = partSize;
    }

    Optional<Job> job(long electionId) {
        return Optional.ofNullable(jobs.get(electionId));
    }

    /** Starts a job unless one runs for the election; the caller has checked access and assigned numbers. */
    synchronized Job start(Election e, ElectionDay day, String baseUrl, String actor, PollCardService service) {
        Job running = jobs.get(e.id());
        if (running != null && running.state == State.RUNNING) {
            return running;
        }
        Job job = new Job(e.id(), store.noticeCount(e.id()));
        jobs.put(e.id(), job);
        executor.submit(() -> run(job, e, day, baseUrl, actor, service));
        return job;
    }

    private void run(Job job, Election e, ElectionDay day, String baseUrl, String actor, PollCardService service) {
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try {
            Files.createDirectories(directory);
            boolean single = job.total <= partSize;
            String base = "wahlbenachrichtigungen-" + e.id();
            Path tmp = Files.createTempFile(directory, base, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (single) {
                    try (TaggedPdf pdf = newPdf(e)) {
                        readOnly.executeWithoutResult(s -> store.forEachNotice(e.id(), row -> {
                            new NoticePages(texts).render(pdf, service.notice(e, day, row, baseUrl));
                            job.done.incrementAndGet();
                        }));
                        pdf.save(out);
                        job.parts = 1;
                    }
                } else {
                    writeParts(job, e, day, baseUrl, service, out);
                }
            }
            Path target = directory.resolve(base + (single ? ".pdf" : ".zip"));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            job.file = target;
            job.cpuMillis = Math.max(1, (java.lang.management.ManagementFactory.getThreadMXBean()
                    .getCurrentThreadCpuTime() - cpu) / 1_000_000);
            job.finished = Instant.now();
            job.state = State.DONE;
            write.executeWithoutResult(s -> audit.recordAs(actor, "print-notices", "election", e.id(), null,
                    Map.of("notices", job.done.get(), "parts", job.parts, "file", target.getFileName().toString())));
        } catch (RuntimeException | IOException ex) {
            job.error = ex.toString();
            job.finished = Instant.now();
            job.state = State.FAILED;
        }
    }

    private void writeParts(Job job, Election e, ElectionDay day, String baseUrl, PollCardService service,
            OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            TaggedPdf[] current = {null};
            readOnly.executeWithoutResult(s -> store.forEachNotice(e.id(), row -> {
                if (current[0] == null) {
                    current[0] = newPdf(e);
                }
                new NoticePages(texts).render(current[0], service.notice(e, day, row, baseUrl));
                job.done.incrementAndGet();
                if (current[0].pages() == partSize) {
                    writePart(zip, current[0], ++job.parts);
                    current[0] = null;
                }
            }));
            if (current[0] != null) {
                writePart(zip, current[0], ++job.parts);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writePart(ZipOutputStream zip, TaggedPdf pdf, int part) {
        try (pdf) {
            zip.putNextEntry(new ZipEntry("teil-%04d.pdf".formatted(part)));
            pdf.save(new java.io.FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the ZIP stays open for the next part
                }
            });
            zip.closeEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private TaggedPdf newPdf(Election e) {
        return new TaggedPdf(texts.get("notice.printTitle", e.name()), "de-DE");
    }
}
