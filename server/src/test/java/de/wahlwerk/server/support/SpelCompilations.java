package de.wahlwerk.server.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Counts how often each SpEL expression text was compiled to bytecode while an action ran, from
 * the compiler's own debug line ("SpEL: compiling …"). More than once means the compiled form
 * failed on a type it had not seen and was compiled again (see application.yml).
 */
public final class SpelCompilations {

    private SpelCompilations() {}

    public static Map<String, Long> during(Runnable action) {
        Logger compiler = (Logger) LoggerFactory.getLogger("org.springframework.expression.spel.standard.SpelCompiler");
        Level before = compiler.getLevel();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        compiler.addAppender(seen);
        compiler.setLevel(Level.DEBUG);
        try {
            action.run();
        } finally {
            compiler.detachAppender(seen);
            compiler.setLevel(before);
        }
        return seen.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("SpEL: compiling "))
                .map(m -> m.substring("SpEL: compiling ".length()))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
