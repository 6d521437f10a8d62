package de.wahlwerk.server.entry;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.setup.SetupDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Builds the form of a unit: which nominations stand on its ballot, in ballot order. */
@Component
public class ReportForms {

    private final SetupDirectory setup;

    public ReportForms(SetupDirectory setup) {
        this.setup = setup;
    }

    public ReportForm form(Election election, ReportingUnit unit) {
        return form(setup, election, unit);
    }

    /** The form as the given reads of the set-up see it (entry passes its cached view of the set-up). */
    ReportForm form(de.wahlwerk.server.setup.SetupReads reads, Election election, ReportingUnit unit) {
        List<FormField> fields = new ArrayList<>();
        if (unit.kind() == de.wahlwerk.core.model.UnitKind.POLLING) {
            fields.add(new FormField("A1", "entry.field.A1", "ROLL", null, null));
            fields.add(new FormField("A2", "entry.field.A2", "ROLL", null, null));
            fields.add(new FormField("A3", "entry.field.A3", "ROLL", null, null));
            fields.add(new FormField("A", "entry.field.A", "ROLL", null, null));
        }
        fields.add(new FormField("B", "entry.field.B", "VOTERS", null, null));
        fields.add(new FormField("B1", "entry.field.B1", "VOTERS", null, null));
        Set<Long> areasOfUnit = areasOf(reads, unit);
        List<Nomination> all = reads.nominationsIn(election.id(), areasOfUnit);
        for (VoteKind kind : election.kind().voteKinds()) {
            String[] l = ReportForm.letters(kind);
            fields.add(new FormField(l[0], "entry.field.invalid." + kind.name(), kind.name(), null, null));
            fields.add(new FormField(l[1], "entry.field.valid." + kind.name(), kind.name(), null, null));
            all.stream()
                    .filter(n -> n.voteKind() == kind && (n.areaId() == null || areasOfUnit.contains(n.areaId())))
                    .sorted(Comparator.comparingInt(Nomination::ballotPosition))
                    .forEach(n -> {
                        fields.add(new FormField(l[1] + n.ballotPosition(), "entry.field.nomination", kind.name(),
                                n.ballotPosition(), n.shortName()));
                        if (kind == VoteKind.CUMULATIVE) {
                            // Cumulating and cross-list voting: personal votes of every candidate of the list.
                            for (var c : reads.candidates(n.id())) {
                                fields.add(new FormField(l[1] + n.ballotPosition() + "_" + c.listPosition(),
                                        "entry.field.candidate", kind.name(), n.ballotPosition(),
                                        n.shortName() + " " + c.listPosition() + ": " + c.displayName(), c.listPosition()));
                            }
                        }
                    });
        }
        return new ReportForm(election, unit, fields);
    }

    private static Set<Long> areasOf(de.wahlwerk.server.setup.SetupReads reads, ReportingUnit unit) {
        Set<Long> ids = new HashSet<>();
        for (Area leaf : reads.unitAreas(unit.id()).values()) {
            reads.ancestorsOrSelf(leaf.id()).forEach(a -> ids.add(a.id()));
        }
        return ids;
    }
}
