package de.wahlwerk.server.audit;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for administrators: newest first, and a button that verifies the whole chain. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private static final int PAGE = 100;

    private final JdbcClient jdbc;
    private final AuditVerifier verifier;

    AuditController(JdbcClient jdbc, AuditVerifier verifier) {
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int p = Math.max(0, Math.min(page, 1_000_000));
        List<AuditEntry> entries = jdbc.sql("""
                select id, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash
                from audit_log order by id desc limit :n offset :o""")
                .param("n", PAGE).param("o", (long) p * PAGE)
                .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10)))
                .list();
        model.addAttribute("entries", entries);
        model.addAttribute("zone", java.time.ZoneId.of("Europe/Berlin"));
        model.addAttribute("page", p);
        model.addAttribute("hasNext", entries.size() == PAGE);
        return "audit/list";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("result", verifier.verify());
        return list(0, model);
    }
}
