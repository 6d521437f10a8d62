package de.wahlwerk.server.publish;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.tally.AreaSnapshot;
import java.util.List;
import java.util.Locale;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The start page of a published election, in German and English, listing its top areas. Public,
 * with its record, for compiled template expressions (see {@link AreaPages}).
 */
public final class ElectionPages {

    private ElectionPages() {}

    public record Root(String href, String level, String name, long reported, long expected) {}

    static void publish(ITemplateEngine templates, Snapshots snapshots, Election e, List<AreaSnapshot> roots,
            PublicFacts facts, java.time.ZonedDateTime time) {
        for (Locale lang : AreaPages.LANGUAGES) {
            Context context = new Context(lang);
            context.setVariable("election", e);
            context.setVariable("lang", lang.getLanguage());
            context.setVariable("time", PublicTime.of(time, lang));
            context.setVariable("events", LiveFeed.PATH + e.id());
            context.setVariable("other", PublicSite.base(e) + "index" + AreaPages.suffix(
                    lang.getLanguage().equals("de") ? Locale.ENGLISH : Locale.GERMAN) + ".html");
            context.setVariable("roots", roots.stream().map(r -> new Root(AreaPages.href(e, r.area().ref(), lang),
                    r.area().level().name(), facts.name(r.area().ref()), r.unitsReported(), r.unitsExpected())).toList());
            snapshots.put(PublicSite.base(e) + "index" + AreaPages.suffix(lang) + ".html",
                    PublishedPage.of(templates.process("publish/election", context), "text/html;charset=UTF-8"));
        }
    }
}
