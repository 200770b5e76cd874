package org.qualigraph.base;

import java.util.Optional;

/**
 * Where a user's chosen interface language is kept (the account module stores it on the user), so the frame can apply
 * it after signing in without depending on that module.
 */
public interface LanguagePreference {

    /** The language tag the user chose last, if any. */
    Optional<String> preferredLanguage(String username);

    /** Remembers the user's choice; a tag the interface does not speak is refused. */
    void rememberLanguage(String username, String languageTag);
}
