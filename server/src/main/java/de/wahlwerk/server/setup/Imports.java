package de.wahlwerk.server.setup;

import de.wahlwerk.core.formats.ElectionBundleReader;
import de.wahlwerk.core.formats.ImportException;
import de.wahlwerk.core.formats.ImportProblem;
import de.wahlwerk.core.formats.Kerg2Reader;
import de.wahlwerk.core.formats.VotemanagerCsvReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The one entry for uploads from the admin UI and the REST API: read and check the file
 * completely, then store it in one transaction. Any problem rejects the whole file.
 */
@Service
public class Imports {

    /** Formats of result files offices publish. */
    public enum ResultFormat { VOTEMANAGER, KERG2 }

    private final BundleImport bundles;
    private final ResultImport results;

    Imports(BundleImport bundles, ResultImport results) {
        this.bundles = bundles;
        this.results = results;
    }

    public BundleImport.Summary bundle(long dayId, String fileName, byte[] zip) {
        String name = safeName(fileName, "bundle.zip");
        try {
            var bundle = new ElectionBundleReader().readZip(new ByteArrayInputStream(zip), name);
            return bundles.importInto(dayId, bundle, name);
        } catch (ImportException e) {
            throw new ImportRejectedException(e.problems());
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    /**
     * @param partyNames short names for the columns of a votemanager file in ballot order, comma- or
     *                   semicolon-separated; may be blank
     */
    public ResultImport.Summary results(ResultFormat format, String fileName, byte[] content, String label,
            Long electionId, String partyNames) {
        String name = safeName(fileName, "ergebnis.csv");
        try {
            return switch (format) {
                case VOTEMANAGER -> {
                    var file = new VotemanagerCsvReader().read(new ByteArrayInputStream(content), name);
                    String effectiveLabel = label == null || label.isBlank()
                            ? (file.electionName() == null ? name : file.electionName()) : label.strip();
                    yield results.importVotemanager(file, effectiveLabel, electionId, names(partyNames), sha256(content));
                }
                case KERG2 -> results.importKerg2(new Kerg2Reader().read(new ByteArrayInputStream(content), name), name,
                        sha256(content));
            };
        } catch (ImportException e) {
            throw new ImportRejectedException(e.problems());
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static List<String> names(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[;,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static ImportRejectedException unreadable(String name, IOException e) {
        return new ImportRejectedException(List.of(ImportProblem.of(name, 0, null, "io", String.valueOf(e.getMessage()))));
    }

    /** Only the last path segment, so that a file name cannot smuggle paths into messages or the log. */
    private static String safeName(String fileName, String fallback) {
        if (fileName == null || fileName.isBlank()) {
            return fallback;
        }
        String n = fileName.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
        return n.isBlank() ? fallback : (n.length() > 200 ? n.substring(0, 200) : n);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
