package de.wahlwerk.server.publish;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The answer for a public path that has nothing (yet): polls still open, or no such area. */
@Component
class NotPublishedPage {

    private final PublishedPage page;

    NotPublishedPage(ITemplateEngine templates, MessageSource messages) {
        Context context = new Context(Locale.GERMAN);
        this.page = PublishedPage.of(templates.process("publish/not-published", context), "text/html;charset=UTF-8").withStatus(404);
    }

    PublishedPage page() {
        return page;
    }
}
