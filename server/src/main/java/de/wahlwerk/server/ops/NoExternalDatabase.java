package de.wahlwerk.server.ops;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when no external database is configured ({@code spring.datasource.url} missing or blank).
 * Not {@code @ConditionalOnProperty(havingValue = "")}: that matches every value except "false",
 * so a configured URL still started the embedded cluster and the production database was never used.
 */
final class NoExternalDatabase implements Condition {

    static final String URL = "spring.datasource.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty(URL);
        return url == null || url.isBlank();
    }
}
