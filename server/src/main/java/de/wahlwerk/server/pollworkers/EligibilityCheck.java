package de.wahlwerk.server.pollworkers;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.pollworkers.WorkerEligibility;
import de.wahlwerk.core.pollworkers.WorkerEligibility.ElectionRoll;
import de.wahlwerk.core.pollworkers.WorkerEligibility.Finding;
import de.wahlwerk.core.pollworkers.WorkerEligibility.Nominee;
import de.wahlwerk.core.pollworkers.WorkerEligibility.RollStatus;
import de.wahlwerk.server.register.RollDirectory;
import de.wahlwerk.server.setup.SetupDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Gathers the facts {@link WorkerEligibility} decides on: the person's standing in the roll of every
 * election of the day, the day's candidates, and the person's other boards on the same date.
 */
@Component
class EligibilityCheck {

    /** What is the same for every person checked against one day (loaded once per page). */
    record Day(ElectionDay day, List<Election> elections, List<Nominee> nominees) {}

    /** The result for one person: the findings and the district they vote in (from the first roll that has them). */
    record Result(List<Finding> findings, Long homeUnitId) {
        public boolean eligible() {
            return WorkerEligibility.eligible(findings);
        }
    }

    private final SetupDirectory setup;
    private final RollDirectory roll;
    private final PollWorkerStore store;

    EligibilityCheck(SetupDirectory setup, RollDirectory roll, PollWorkerStore store) {
        this.setup = setup;
        this.roll = roll;
        this.store = store;
    }

    Day day(ElectionDay day) {
        List<Election> elections = setup.elections(day.id());
        List<Nominee> nominees = new ArrayList<>();
        for (Election e : elections) {
            setup.nominations(e.id()).forEach(n -> setup.candidates(n.id()).forEach(c ->
                    nominees.add(new Nominee(c.familyName(), c.givenNames(), c.yearOfBirth(), e.name()))));
        }
        return new Day(day, elections, nominees);
    }

    /** @param exceptUnitId the board the person is (to be) on, which does not count as "another" board */
    Result check(Day d, PollWorker w, Long exceptUnitId) {
        List<ElectionRoll> rolls = new ArrayList<>();
        Long home = null;
        for (Election e : d.elections()) {
            RollDirectory.RollStatus s = roll.status(e.id(), w.registerId(), w.familyName(), w.givenNames(), w.birthDate());
            rolls.add(new ElectionRoll(e.name(), RollStatus.valueOf(s.standing().name())));
            if (home == null && s.unitId() != null) {
                home = s.unitId();
            }
        }
        List<String> others = store.activeOnDate(w.id(), d.day().date()).stream()
                .filter(a -> !Objects.equals(a.unitId(), exceptUnitId))
                .map(a -> a.unitKey() + " " + a.unitName())
                .toList();
        var facts = new WorkerEligibility.Facts(w.familyName(), w.givenNames(), w.birthDate(), d.day().date(), rolls,
                d.nominees(), others);
        return new Result(WorkerEligibility.check(facts), home);
    }
}
