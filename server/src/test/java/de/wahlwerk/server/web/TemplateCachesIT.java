package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.cache.StandardCache;

/**
 * The expression cache holds every expression of every template, so that none is parsed (and
 * compiled, ADR 0010) again because others pushed it out: Thymeleaf keeps up to two entries per
 * expression (its own parse and the SpEL one), and the cache must hold more than that for all
 * templates together, without soft references the collector may clear.
 */
class TemplateCachesIT extends IntegrationTest {

    private static final Pattern EXPRESSION = Pattern.compile("[$*#@~]\\{");

    @Autowired
    TemplateEngine engine;

    @Test
    void theExpressionCacheHoldsEveryExpressionOfEveryTemplate() throws IOException {
        long expressions;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            expressions = files.filter(p -> p.toString().endsWith(".html")).mapToLong(p -> {
                try {
                    return EXPRESSION.matcher(Files.readString(p)).results().count();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
        var cache = (StandardCache<?, ?>) engine.getCacheManager().getExpressionCache();
        assertThat(expressions).as("expressions in the templates").isGreaterThan(1_000);
        assertThat(cache.getMaxSize()).as("expression cache for %d expressions", expressions).isGreaterThan((int) (2 * expressions));
        assertThat(cache.getUseSoftReferences()).isFalse();
    }
}
