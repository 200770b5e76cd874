package org.qualigraph.base;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qualigraph.account.AccountService;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The language switch of the header and the login page, and the choice the account remembers. */
class LanguageSwitchViewTest extends ViewTest {

    @Autowired
    AccountService accounts;
    @Autowired
    UiLanguage languages;

    @Test
    void theSwitchChangesTheLanguageAndTheAccountRemembersIt() {
        accounts.create("ewa", "ewa-password-1", Set.of(Roles.DESIGNER));
        login("ewa", Roles.DESIGNER);
        UI.getCurrent().navigate("");
        assertThat(_get(Button.class, spec -> spec.withId("new-qualification")).getText()).isEqualTo("New qualification");

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<Locale> select = _get(LanguageSwitch.class, spec -> spec.withId("language-switch"));
        assertThat(select.getListDataView().getItems().map(UiLanguages::name).toList())
                .containsExactly("English", "Deutsch", "Français", "Polski", "Italiano", "Español");
        _setValue(select, Locale.GERMAN);

        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMAN);
        assertThat(accounts.preferredLanguage("ewa")).contains("de");
        // the page reloads in the browser and builds the frame anew; here a page without the frame is passed through
        UI.getCurrent().navigate("login");
        UI.getCurrent().navigate("");
        assertThat(_get(Button.class, spec -> spec.withId("new-qualification")).getText()).isEqualTo("Neue Qualifikation");
        assertThat(_get(Button.class, spec -> spec.withId("logout")).getText()).isEqualTo("Abmelden");
    }

    @Test
    void afterSigningInAgainTheRememberedLanguageApplies() {
        accounts.create("jean", "jean-password-1", Set.of(Roles.DESIGNER));
        accounts.rememberLanguage("jean", "fr");
        login("jean", Roles.DESIGNER);
        // a new session: no pick in it, an English browser; the new page's UI takes the account's language
        VaadinSession.getCurrent().setAttribute(UiLanguage.CHOSEN, null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        languages.apply(UI.getCurrent());
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.FRENCH);
        UI.getCurrent().navigate("");
        assertThat(_get(Button.class, spec -> spec.withId("new-qualification")).getText()).isEqualTo("Nouvelle certification");
    }

    @Test
    void aPickOnTheLoginPageIsStoredOnTheAccountOnceSignedIn() {
        accounts.create("hans", "hans-password-1", Set.of(Roles.DESIGNER));
        UI.getCurrent().navigate("login");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class).getText()).startsWith("Design modular");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<Locale> select = _get(LanguageSwitch.class, spec -> spec.withId("language-switch"));
        _setValue(select, Locale.GERMAN);
        UI.getCurrent().navigate("help");
        UI.getCurrent().navigate("login");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class).getText()).startsWith("Modulare Qualifikationen");
        assertThat(accounts.preferredLanguage("hans")).as("nobody signed in yet").isEmpty();

        login("hans", Roles.DESIGNER);
        languages.apply(UI.getCurrent());
        assertThat(accounts.preferredLanguage("hans")).contains("de");
    }

    @Test
    void theBrowserLanguageIsTheDefault() {
        login("nobody", Roles.DESIGNER);
        var request = (com.github.mvysny.fakeservlet.FakeRequest) com.vaadin.flow.server.VaadinServletRequest.getCurrent()
                .getRequest();
        request.setLocaleInt(Locale.forLanguageTag("fr-BE")); // Accept-Language: fr-BE
        languages.apply(UI.getCurrent());
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.FRENCH);
    }
}
