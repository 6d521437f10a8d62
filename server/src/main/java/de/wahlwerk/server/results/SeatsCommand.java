package de.wahlwerk.server.results;

import de.wahlwerk.core.formats.ImportException;
import de.wahlwerk.core.formats.Kerg2Reader;
import de.wahlwerk.core.formats.KergArea;
import de.wahlwerk.core.formats.KergGroup;
import de.wahlwerk.core.formats.KergResult;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.seats.bundestag.Bundestag2025;
import de.wahlwerk.server.ops.MaintenanceCommands;
import de.wahlwerk.server.web.NotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./wahlwerk seats}: the seat distribution and its explanation as text tables.
 * <ul>
 * <li>{@code --election <id>}: from the database, through {@link SeatService} (run by
 * {@link MaintenanceCommands} with {@code wahlwerk.command=seats}, {@code wahlwerk.election=<id>});</li>
 * <li>{@code --kerg2 <file>}: straight from the Bundeswahlleiterin's kerg2.csv with the core reader
 * and law, without server or database ({@link #main}).</li>
 * </ul>
 * Exit codes: 0 seats decided, 3 a lot is required, 1 data missing or unreadable, 2 wrong call.
 */
@Component
public class SeatsCommand implements MaintenanceCommands.Command {

    public static final int DECIDED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int LOT_REQUIRED = 3;

    private final SeatService seats;
    private final Texts texts;

    SeatsCommand(SeatService seats, org.springframework.context.MessageSource messages) {
        this.seats = seats;
        this.texts = new Texts(messages);
    }

    @Override
    public String name() {
        return "seats";
    }

    /** {@code wahlwerk.command=seats} with {@code wahlwerk.election=<id>}. */
    @Override
    public int run(Environment environment, PrintStream out, PrintStream err) {
        return printElection(environment.getProperty("wahlwerk.election"), out, err);
    }

    /** Prints the report of a stored election; returns the exit code. */
    public int printElection(String electionArgument, PrintStream out, PrintStream err) {
        long id;
        try {
            id = Long.parseLong(electionArgument == null ? "" : electionArgument.strip());
        } catch (NumberFormatException e) {
            err.println(texts.get("results.cli.usage"));
            return USAGE;
        }
        try {
            SeatReport report = seats.reportForOperator(id);
            out.print(SeatText.render(report, texts));
            return exitCode(report);
        } catch (NotFoundException e) {
            err.println(texts.get("results.cli.noElection", Long.toString(id)));
            return FAILED;
        }
    }

    /** {@code --kerg2 <file>}: no Spring context, no database. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Texts texts = Texts.standalone();
        if (args.length != 2 || !args[0].equals("--kerg2")) {
            err.println(texts.get("results.cli.usage"));
            return USAGE;
        }
        Path file = Path.of(args[1]);
        if (!Files.isRegularFile(file)) {
            err.println(texts.get("results.cli.noFile", file));
            return FAILED;
        }
        KergResult kerg;
        long started = System.nanoTime();
        try (InputStream in = new Progress(Files.newInputStream(file), Files.size(file), err, texts)) {
            err.println(texts.get("results.cli.reading", file, Files.size(file) / 1024));
            kerg = new Kerg2Reader().read(in, file.getFileName().toString());
        } catch (ImportException e) {
            err.println();
            err.println(texts.get("results.cli.rejected", e.problems().size()));
            e.problems().stream().limit(20).forEach(p -> err.println("  " + p.message(Texts.GERMAN)));
            return FAILED;
        } catch (IOException e) {
            err.println(texts.get("results.cli.noFile", file));
            return FAILED;
        }
        long read = (System.nanoTime() - started) / 1_000_000;
        err.println(texts.get("results.cli.read", kerg.areas().size(), read));
        long calcStart = System.nanoTime();
        SeatReport report = fromKerg2(kerg, file.getFileName().toString(), texts);
        long calc = (System.nanoTime() - calcStart) / 1_000_000;
        out.print(SeatText.render(report, texts));
        err.println(texts.get("results.cli.calculated", calc));
        return exitCode(report);
    }

    static SeatReport fromKerg2(KergResult kerg, String fileName, Texts texts) {
        SeatCalculation.Head head = new SeatCalculation.Head(null,
                texts.get("electionKind.BUNDESTAG") + " " + kerg.electionDay().getYear(), ElectionKind.BUNDESTAG.name(),
                kerg.electionDay(), new SeatReport.Source(null, kerg.status() == null ? "kerg2" : "kerg2, " + kerg.status(),
                        "kerg2", fileName));
        if (kerg.electionDay().isBefore(SeatService.BWG_2023_FROM)) {
            return SeatCalculation.needsInput(head, SeatCalculation.BUNDESTAG_2021,
                    List.of(texts.of("results.missing.population")), texts);
        }
        List<ResultRecord> records = new ArrayList<>();
        Set<String> independents = kerg.areas().stream().flatMap(a -> a.groups().stream())
                .filter(g -> g.kind() == GroupKind.INDEPENDENT).map(KergGroup::name).collect(Collectors.toSet());
        for (KergArea a : kerg.areas()) {
            Map<VoteKind, Long> valid = new EnumMap<>(VoteKind.class);
            Map<VoteKind, Map<String, Long>> votes = new EnumMap<>(VoteKind.class);
            a.counts().votes().forEach((kind, v) -> {
                if (v.valid() != null) {
                    valid.put(kind, v.valid());
                }
                Map<String, Long> byGroup = new LinkedHashMap<>();
                v.perNomination().forEach((pos, n) -> {
                    if (n != null) {
                        String name = a.groups().stream().filter(g -> g.position() == pos).map(KergGroup::name)
                                .findFirst().orElse("#" + pos);
                        byGroup.merge(name, n, Long::sum);
                    }
                });
                votes.put(kind, byGroup);
            });
            records.add(new ResultRecord(a.level().name(), a.key(), a.parentKey(), a.name(), valid, votes));
        }
        var input = BundestagInput.from(records, BundestagInput.independents(independents), texts);
        return SeatCalculation.bundestag2025(head, Bundestag2025.HOUSE_SIZE, input, List.of(), texts);
    }

    private static int exitCode(SeatReport report) {
        return switch (report.status()) {
            case DECIDED -> DECIDED;
            case LOT_REQUIRED -> LOT_REQUIRED;
            case NEEDS_INPUT -> FAILED;
        };
    }

    /** Reports how much of the file has been read, in steps of ten per cent. */
    private static final class Progress extends FilterInputStream {
        private final long size;
        private final PrintStream err;
        private final Texts texts;
        private long read;
        private int shown;

        Progress(InputStream in, long size, PrintStream err, Texts texts) {
            super(in);
            this.size = Math.max(1, size);
            this.err = err;
            this.texts = texts;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            read += n;
            int percent = (int) (read * 100 / size) / 10 * 10;
            if (percent > shown) {
                shown = percent;
                err.println(texts.get("results.cli.progress", percent));
            }
        }
    }
}
