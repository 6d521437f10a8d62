package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The German (default) and English message bundles of the server stay complete and in step. */
class MessageBundlesTest {

    static final String GERMAN = "/messages.properties";
    static final String ENGLISH = "/messages_en.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]+}");

    @Test
    void bothBundlesHaveTheSameKeys() {
        Set<String> de = load(GERMAN).keySet();
        Set<String> en = load(ENGLISH).keySet();
        assertThat(difference(de, en)).as("keys missing in " + ENGLISH).isEmpty();
        assertThat(difference(en, de)).as("keys missing in " + GERMAN).isEmpty();
        assertThat(de).hasSizeGreaterThan(100);
    }

    @Test
    void noValueIsEmpty() {
        for (String bundle : List.of(GERMAN, ENGLISH)) {
            var empty = load(bundle).entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey).toList();
            assertThat(empty).as("empty values in " + bundle).isEmpty();
        }
    }

    @Test
    void noKeyIsDefinedTwice() {
        // Properties.load keeps the last of two equal keys without a word; a copy-paste slip would hide a text.
        for (String bundle : List.of(GERMAN, ENGLISH)) {
            Set<String> seen = new HashSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : new String(bytes(bundle), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) {
                    continue;
                }
                String key = l.split("[=:]", 2)[0].strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as("keys defined twice in " + bundle).isEmpty();
        }
    }

    @Test
    void translationsUseTheSamePlaceholders() {
        Map<String, String> de = load(GERMAN);
        Map<String, String> en = load(ENGLISH);
        Map<String, String> mismatched = new TreeMap<>();
        for (String key : de.keySet()) {
            if (en.containsKey(key) && !placeholders(de.get(key)).equals(placeholders(en.get(key)))) {
                mismatched.put(key, placeholders(de.get(key)) + " vs " + placeholders(en.get(key)));
            }
        }
        assertThat(mismatched).as("placeholders differ (German vs English)").isEmpty();
    }

    @Test
    void messagesWithArgumentsSurviveMessageFormat() {
        // Spring formats messages that get arguments with MessageFormat, where a single ASCII apostrophe
        // starts a quoted section and swallows the placeholders after it.
        for (String bundle : List.of(GERMAN, ENGLISH)) {
            load(bundle).forEach((key, value) -> {
                if (value.matches("(?s).*\\{\\d+}.*")) {
                    assertThat(value).as(bundle + " " + key + ": no ASCII apostrophe in a message with arguments")
                            .doesNotContain("'");
                    String formatted = new MessageFormat(value).format(new Object[] {"A1", "B2", "C3"});
                    assertThat(formatted).as(bundle + " " + key).contains("A1").doesNotContain("{0}");
                }
            });
        }
    }

    @Test
    void englishTextsAreTranslated() {
        // German letters in the English bundle mean a text was copied but not translated.
        Map<String, String> untranslated = new TreeMap<>();
        load(ENGLISH).forEach((key, value) -> {
            if (value.matches("(?s).*[äöüÄÖÜß„].*")) {
                untranslated.put(key, value);
            }
        });
        assertThat(untranslated).as("German text in " + ENGLISH).isEmpty();
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (var reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes(resource)), StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
