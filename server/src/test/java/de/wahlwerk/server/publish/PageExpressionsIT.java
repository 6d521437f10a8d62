package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.results.ResultsService;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.IntegrationTest;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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
        Logger compiler = (Logger) LoggerFactory.getLogger("org.springframework.expression.spel.standard.SpelCompiler");
        Level before = compiler.getLevel();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        compiler.addAppender(seen);
        compiler.setLevel(Level.DEBUG);
        int rendered = 0;
        try {
            for (int pass = 0; pass < 30; pass++) {
                for (long id : elections) {
                    var round = results.publicationRound(id);
                    var f = facts.facts(round.election(), round.tally());
                    for (AreaSnapshot root : round.roots()) {
                        rendered += render(round, root, f);
                    }
                }
            }
        } finally {
            compiler.detachAppender(seen);
            compiler.setLevel(before);
        }
        Map<String, Long> compiled = seen.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("SpEL: compiling "))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(rendered).as("area pages rendered").isGreaterThan(300);
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
