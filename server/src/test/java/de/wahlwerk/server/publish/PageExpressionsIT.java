package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.results.ResultsService;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.SpelCompilations;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every expression of the public pages is compiled to bytecode at most once. Thymeleaf shares one
 * parsed expression among all templates with the same text; where that text meets objects of
 * another type, the compiled form fails, SpEL falls back to interpreting it and compiles it again
 * a hundred evaluations later, a new class each time, for as long as the node runs. Renders every
 * area page of each demo election (both languages, widget and lobby slides) thirty times over.
 */
class PageExpressionsIT extends IntegrationTest {

    @Autowired
    ResultsService results;

    @Autowired
    AreaPages pages;

    @Autowired
    PublicFactsSource facts;

    @Test
    void everyExpressionOfThePublicPagesIsCompiledAtMostOnce() {
        long day = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME)
                .query(Long.class).single();
        List<Long> elections = jdbc.sql("select id from election where election_day_id = :d order by id")
                .param("d", day).query(Long.class).list();
        int[] rendered = {0};
        Map<String, Long> compiled = SpelCompilations.during(() -> {
            for (int pass = 0; pass < 30; pass++) {
                for (long id : elections) {
                    var round = results.publicationRound(id);
                    var f = facts.facts(round.election(), round.tally());
                    for (AreaSnapshot root : round.roots()) {
                        rendered[0] += render(round, root, f);
                    }
                }
            }
        });
        assertThat(rendered[0]).as("area pages rendered").isGreaterThan(300);
        assertThat(compiled).as("expressions compiled more than once").allSatisfy((text, times) -> assertThat(times).isOne());
    }

    private int render(ResultsService.PublicationRound round, AreaSnapshot area, PublicFacts f) {
        var view = round.view(area);
        pages.publish(round.election(), view, round.tally(), f, ZonedDateTime.now());
        int n = 1;
        for (AreaSnapshot child : view.children()) {
            n += render(round, child, f);
        }
        return n;
    }
}
