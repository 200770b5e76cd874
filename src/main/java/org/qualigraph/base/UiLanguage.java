package org.qualigraph.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Chooses the interface language of every new UI (each page load): the language picked in the switch during this
 * session, else the one the signed-in user picked before (kept on the account), else the first of the browser's
 * Accept-Language the interface speaks, else English. A choice made on the login page is stored on the account as
 * soon as the user has signed in, so it holds on the next visit too.
 */
@Component
public class UiLanguage implements VaadinServiceInitListener {

    static final String CHOSEN = UiLanguage.class.getName() + ".chosen";
    static final String SAVED_FOR = UiLanguage.class.getName() + ".savedFor";
    static final String LOADED_FOR = UiLanguage.class.getName() + ".loadedFor";
    static final String LOADED = UiLanguage.class.getName() + ".loaded";

    private final transient ObjectProvider<LanguagePreference> preferences;

    UiLanguage(ObjectProvider<LanguagePreference> preferences) {
        this.preferences = preferences;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> apply(init.getUI()));
    }

    /** Sets the UI's and the session's locale as described above; called for every new UI and by the frame. */
    public void apply(UI ui) {
        VaadinSession session = ui.getSession();
        Locale locale = session == null ? null : resolve(session);
        if (locale == null) {
            locale = UiLanguages.match(requestLocales());
        }
        if (session != null && !locale.equals(session.getLocale())) {
            session.setLocale(locale);
        }
        if (!locale.equals(ui.getLocale())) {
            ui.setLocale(locale);
        }
    }

    /** The user picked a language in the switch: remember it for the session and, once signed in, on the account. */
    public void choose(UI ui, Locale locale) {
        Locale supported = UiLanguages.of(locale.toLanguageTag());
        if (supported == null) {
            return;
        }
        VaadinSession session = ui.getSession();
        session.setAttribute(CHOSEN, supported);
        session.setAttribute(SAVED_FOR, null);
        apply(ui);
    }

    private Locale resolve(VaadinSession session) {
        String user = signedIn().orElse(null);
        Locale chosen = (Locale) session.getAttribute(CHOSEN);
        LanguagePreference store = preferences.getIfAvailable();
        if (chosen != null) {
            if (user != null && store != null && !user.equals(session.getAttribute(SAVED_FOR))) {
                try {
                    store.rememberLanguage(user, chosen.toLanguageTag());
                } catch (NotFoundException noAccount) {
                    // signed in by a means without an account (none in production): the session keeps the choice
                }
                session.setAttribute(SAVED_FOR, user);
                session.setAttribute(LOADED_FOR, user);
                session.setAttribute(LOADED, chosen);
            }
            return chosen;
        }
        if (user == null || store == null) {
            return null;
        }
        if (!user.equals(session.getAttribute(LOADED_FOR))) {
            session.setAttribute(LOADED, store.preferredLanguage(user).map(UiLanguages::of).orElse(null));
            session.setAttribute(LOADED_FOR, user);
        }
        return (Locale) session.getAttribute(LOADED);
    }

    private static Optional<String> signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.ofNullable(authentication.getName());
    }

    private static List<Locale> requestLocales() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request instanceof VaadinServletRequest servlet) {
            return Collections.list(servlet.getHttpServletRequest().getLocales());
        }
        return request == null || request.getLocale() == null ? List.of() : List.of(request.getLocale());
    }
}
