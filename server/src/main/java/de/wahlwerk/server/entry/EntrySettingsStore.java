package de.wahlwerk.server.entry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EntrySettingsStore {

    private final JdbcClient jdbc;

    EntrySettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The election's settings; an election nobody configured yet uses entry + approval and default thresholds. */
    EntrySettings get(long electionId) {
        return jdbc.sql("select * from entry_settings where election_id = :e").param("e", electionId)
                .query((rs, i) -> new EntrySettings(electionId,
                        EntrySettings.TwoPersonMode.valueOf(rs.getString("two_person_mode")),
                        rs.getString("thresholds"), rs.getBoolean("rehearsal"), (Long) rs.getObject("rehearsal_of")))
                .optional()
                .orElse(new EntrySettings(electionId, EntrySettings.TwoPersonMode.APPROVAL, null, false));
    }

    void put(EntrySettings s) {
        int updated = jdbc.sql("""
                update entry_settings set two_person_mode = :m, thresholds = :t, rehearsal = :r, rehearsal_of = :o
                where election_id = :e""")
                .param("m", s.twoPersonMode().name()).param("t", s.thresholds()).param("r", s.rehearsal())
                .param("o", s.rehearsalOf()).param("e", s.electionId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into entry_settings (election_id, two_person_mode, thresholds, rehearsal, rehearsal_of)
                    values (:e, :m, :t, :r, :o)""")
                    .param("m", s.twoPersonMode().name()).param("t", s.thresholds()).param("r", s.rehearsal())
                    .param("o", s.rehearsalOf()).param("e", s.electionId()).update();
        }
    }
}
