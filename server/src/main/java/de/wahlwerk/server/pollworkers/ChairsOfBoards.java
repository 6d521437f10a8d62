package de.wahlwerk.server.pollworkers;

import de.wahlwerk.server.entry.BoardChairs;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appointed chairs as contacts for election night's status board: the purpose the phone number
 * was collected for. The status board shows them only to staff who see the unit.
 */
@Component
class ChairsOfBoards implements BoardChairs {

    private final PollWorkerStore store;

    ChairsOfBoards(PollWorkerStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Contact> chairs(long electionDayId) {
        Map<Long, Contact> m = new HashMap<>();
        for (Object[] row : store.chairs(electionDayId)) {
            m.put((Long) row[0], new Contact((String) row[1], (String) row[2]));
        }
        return m;
    }
}
