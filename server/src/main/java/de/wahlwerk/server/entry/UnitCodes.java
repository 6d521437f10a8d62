package de.wahlwerk.server.entry;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes for the board chair's phone. Printed with a QR code on the unit's quick-report
 * form; they open that unit's report and nothing else, and expire once a report was accepted.
 * Only a hash is stored, so the printed sheet is the only copy.
 */
@Service
public class UnitCodes {

    /** Letters and digits that cannot be confused when read off paper (no 0/O, 1/I/L). */
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A freshly made code, shown once on the printable sheet. */
    public record Printed(ReportingUnit unit, String code, String qrDataUri) {}

    /** What a valid code opens. */
    public record Target(long electionId, long unitId) {}

    private final JdbcClient jdbc;
    private final SetupDirectory setup;
    private final AccessPolicy access;
    private final AuditLog audit;

    UnitCodes(JdbcClient jdbc, SetupDirectory setup, AccessPolicy access, AuditLog audit) {
        this.jdbc = jdbc;
        this.setup = setup;
        this.access = access;
        this.audit = audit;
    }

    /** New codes for every reporting unit of the election (old ones stop working). Administrators of the day only. */
    @Transactional
    public List<Printed> issue(long electionId, String baseUrl) {
        Election election = setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        access.requireManageDay(election.electionDayId());
        List<Printed> printed = new ArrayList<>();
        for (ReportingUnit u : setup.units(election.electionDayId())) {
            if (u.countedWithUnitId() != null) {
                continue; // its ballots are reported on the neighbour's form
            }
            String code = newCode();
            jdbc.sql("delete from unit_code where election_id = :e and unit_id = :u").param("e", electionId)
                    .param("u", u.id()).update();
            jdbc.sql("insert into unit_code (election_id, unit_id, code_hash) values (:e, :u, :h)")
                    .param("e", electionId).param("u", u.id()).param("h", hash(code)).update();
            printed.add(new Printed(u, format(code), qr(baseUrl + "/q/" + code)));
        }
        audit.record("issue-unit-codes", "election", electionId, null, Map.of("units", printed.size()));
        return printed;
    }

    /** The unit a code opens, if it is valid and not used yet. */
    @Transactional(readOnly = true)
    public Optional<Target> resolve(String code) {
        String normalized = normalize(code);
        if (normalized == null) {
            return Optional.empty();
        }
        return jdbc.sql("select election_id, unit_id from unit_code where code_hash = :h and used_at is null")
                .param("h", hash(normalized)).query((rs, i) -> new Target(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** Marks the code used after its report was accepted; false if it was used meanwhile. */
    @Transactional
    public boolean consume(String code) {
        String normalized = normalize(code);
        return normalized != null && jdbc.sql(
                "update unit_code set used_at = current_timestamp where code_hash = :h and used_at is null")
                .param("h", hash(normalized)).update() == 1;
    }

    static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String c = code.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        return c.length() == LENGTH && c.chars().allMatch(ch -> new String(ALPHABET).indexOf(ch) >= 0) ? c : null;
    }

    private static String newCode() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static String format(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String qr(String url) {
        try {
            var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 180, 180);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code could not be generated", e);
        }
    }
}
