package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** German by default; English on request, remembered for the following pages. */
class LanguageIT extends IntegrationTest {

    @Test
    void germanFirstEnglishOnRequest() {
        HttpSession s = session();
        var german = s.get("/login");
        assertThat(german.body()).contains("<html lang=\"de\"").contains("Anmelden").contains(">English<");
        var english = s.get("/login?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\"").contains(">Deutsch<");
        assertThat(english.body()).doesNotContain(">Anmelden<");
        assertThat(s.get("/login").body()).as("the choice is remembered").contains("<html lang=\"en\"");
        assertThat(s.get("/login?lang=de").body()).contains("<html lang=\"de\"");
    }
}
