package de.wahlwerk.server.entry;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.setup.ElectionCopies;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rehearsals: a copy of an election on the same units that takes reports at any time, can be
 * pre-filled with simulated reports made from the previous election's results, and is wiped
 * completely afterwards. The audit log, being append-only, keeps the fact that a rehearsal ran.
 */
@Service
public class Rehearsals {

    /** Who simulated reports are attributed to, so that nobody mistakes them for typed ones. */
    static final String SIMULATION = "Probelauf-Simulation";

    private final ElectionCopies copies;
    private final SetupDirectory setup;
    private final EntrySettingsStore settings;
    private final ReportForms forms;
    private final PreviousResults previous;
    private final ReportStore reports;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Rehearsals(ElectionCopies copies, SetupDirectory setup, EntrySettingsStore settings, ReportForms forms,
            PreviousResults previous, ReportStore reports, AuditLog audit, ApplicationEventPublisher events) {
        this.copies = copies;
        this.setup = setup;
        this.settings = settings;
        this.forms = forms;
        this.previous = previous;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Creates the rehearsal copy and confirms simulated reports for about {@code percent} % of the
     * units (chosen by a fixed seed), leaving the rest for staff to practise on.
     */
    @Transactional
    public long create(long electionId, int percent) {
        if (percent < 0 || percent > 100) {
            throw new InvalidInputException(FieldProblem.of("percent", "entry.rehearsal.percent"));
        }
        Election original = setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        EntrySettings originalSettings = settings.get(electionId);
        if (originalSettings.rehearsalOf() != null) {
            throw new InvalidInputException(FieldProblem.of(null, "entry.rehearsal.ofRehearsal"));
        }
        String name = "Probelauf: " + original.name();
        if (copies.nameTaken(original.electionDayId(), name)) {
            throw new InvalidInputException(FieldProblem.of(null, "entry.rehearsal.exists"));
        }
        long copy = copies.copy(electionId, name);
        settings.put(new EntrySettings(copy, originalSettings.twoPersonMode(), originalSettings.thresholds(), true, electionId));
        Election election = setup.election(copy).orElseThrow();
        Random random = new Random(electionId);
        int simulated = 0;
        long sequence = 0;
        // The audit chain before the report sequence, as every confirmation takes them (EntryService).
        // No ballot or unit lock (ReportStore.lockUnit): nobody sees the copy before this commits.
        audit.lockConfirmationChain();
        for (ReportingUnit unit : setup.units(election.electionDayId())) {
            if (unit.countedWithUnitId() != null || random.nextInt(100) >= percent) {
                continue;
            }
            ReportForm form = forms.form(election, unit);
            Counts before = previous.forUnit(form, electionId);
            if (before == null) {
                continue;
            }
            Map<String, Long> values = simulate(form, before);
            long id = reports.insert(copy, unit.id(), "ENTRY", ReportStatus.PENDING, ReportValues.encode(form, values),
                    Submission.Channel.API.name(), SIMULATION, null, null);
            sequence = reports.confirm(id, SIMULATION).orElseThrow();
            simulated++;
        }
        audit.record("create-rehearsal", "election", copy, null, Map.of("rehearses", electionId,
                "simulatedReports", simulated, "percent", percent));
        events.publishEvent(new ReportChanged(copy, 0, sequence));
        return copy;
    }

    /** Deletes a rehearsal copy with all its reports, codes and settings. */
    @Transactional
    public void wipe(long rehearsalId) {
        EntrySettings s = settings.get(rehearsalId);
        if (s.rehearsalOf() == null) {
            throw new InvalidInputException(FieldProblem.of(null, "entry.rehearsal.notRehearsal"));
        }
        copies.delete(rehearsalId);
        audit.record("wipe-rehearsal", "election", rehearsalId, Map.of("rehearses", s.rehearsalOf()), null);
    }

    /**
     * The previous result re-entered on tonight's form: votes of nominations that stand again keep
     * their numbers; the valid total is their sum, and the invalid count makes up the voters, so
     * every sum of the form holds.
     */
    static Map<String, Long> simulate(ReportForm form, Counts before) {
        Map<String, Long> v = new LinkedHashMap<>();
        long voters = before.voters() == null ? 0 : before.voters();
        if (form.hasRoll()) {
            long a1 = nz(before.eligibleNoCard());
            long a2 = nz(before.eligibleWithCard());
            long a3 = nz(before.eligibleAdded());
            v.put("A1", a1);
            v.put("A2", a2);
            v.put("A3", a3);
            v.put("A", a1 + a2 + a3);
        }
        for (VoteKind kind : form.election().kind().voteKinds()) {
            String[] l = ReportForm.letters(kind);
            VoteCounts vc = before.votes(kind);
            long valid = 0;
            for (FormField f : form.fields()) {
                if (f.ballotPosition() != null && f.section().equals(kind.name())) {
                    long n = vc == null ? 0 : nz(vc.votesFor(f.ballotPosition()));
                    v.put(f.letter(), n);
                    valid += n;
                }
            }
            voters = Math.max(voters, valid);
            v.put(l[1], valid);
        }
        for (VoteKind kind : form.election().kind().voteKinds()) {
            String[] l = ReportForm.letters(kind);
            v.put(l[0], voters - v.get(l[1]));
        }
        v.put("B", voters);
        v.put("B1", form.hasRoll() ? Math.min(nz(before.votersWithCard()), voters) : voters);
        return v;
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
