package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.projection.Estimate;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.SpelCompilations;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The page thread renders the same expression text ({@code r.group()}) over rows of three types:
 * the votes table, the projection and the history. A SpEL compiler in mixed mode compiles such an
 * expression for the first type, fails on the next, falls back and compiles it again a hundred
 * evaluations later, for as long as the node runs: a new class each time (in the NRW replay about
 * 33 a second, which the JIT then compiled as well). No expression may be compiled twice.
 */
class TemplateExpressionsIT extends IntegrationTest {

    @Autowired
    ITemplateEngine templates;

    @Autowired
    Formats fmt;

    @Test
    void noExpressionIsCompiledTwiceWhileTheRowTypesAlternate() {
        Map<String, Long> compiled = SpelCompilations.during(() -> {
            Rational half = Rational.of(1, 2);
            var history = new LiveAnalysis.HistoryView(VoteKind.SECOND,
                    List.of(new LiveAnalysis.HistoryColumn("BTW 2021", LocalDate.of(2021, 9, 26), true)),
                    List.of(new LiveAnalysis.HistoryRow("SPD", List.of(half)), new LiveAnalysis.HistoryRow("CDU", List.of(half))));
            var projection = new LiveAnalysis.ProjectionView(VoteKind.SECOND, 3, 10,
                    List.of(new LiveAnalysis.ProjectedRow("SPD", half, new Estimate(half, null)),
                            new LiveAnalysis.ProjectedRow("CDU", half, new Estimate(half, null))),
                    half, new Estimate(half, null), 0.95);
            for (int i = 0; i < 400; i++) {
                render("history", Map.of("h", history));
                render("projection", Map.of("pr", projection));
            }
        });
        assertThat(compiled).as("expressions compiled more than once").allSatisfy((text, times) -> assertThat(times).isOne());
    }

    private void render(String fragment, Map<String, Object> variables) {
        Context c = new Context(Locale.GERMAN);
        c.setVariables(variables);
        c.setVariable("fmt", fmt.in(Locale.GERMAN));
        String html = templates.process("results/analysis", Set.of(fragment), c);
        assertThat(html).contains("SPD").contains("CDU");
    }
}
