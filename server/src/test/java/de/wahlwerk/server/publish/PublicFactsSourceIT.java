package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.server.results.LiveTallies;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0009: the public site keeps the set-up part of its facts (names, stations, candidates) until
 * the set-up's version changes. A corrected polling station is in the next round's facts, not a
 * minute later; an unchanged set-up is not read again.
 */
class PublicFactsSourceIT extends IntegrationTest {

    @Autowired
    PublicFactsSource source;

    @Autowired
    SetupDirectory setup;

    @Autowired
    LiveTallies tallies;

    @Test
    void aChangedStationIsInTheNextFactsAndAnUnchangedSetUpIsKept() {
        Election e = setup.allElections().stream()
                .filter(x -> !setup.stations(x.electionDayId()).isEmpty()).findFirst().orElseThrow();
        PollingStation station = setup.stations(e.electionDayId()).getFirst();
        PublicFacts first = source.facts(e, tallies.tally(e.id()));
        assertThat(source.facts(e, tallies.tally(e.id())).stations())
                .as("an unchanged set-up: the same facts, not read again").isSameAs(first.stations());
        String street = station.street();
        try {
            jdbc.sql("update polling_station set street = :s where id = :id")
                    .param("s", "Neue Straße 1").param("id", station.id()).update();
            List<String> streets = source.facts(e, tallies.tally(e.id())).stations().values().stream()
                    .flatMap(List::stream).filter(s -> s.id() == station.id()).map(PollingStation::street)
                    .distinct().toList();
            assertThat(streets).as("the corrected street at once").containsExactly("Neue Straße 1");
        } finally {
            jdbc.sql("update polling_station set street = :s where id = :id").param("s", street).param("id", station.id()).update();
        }
    }
}
