package org.qualigraph.base;

import java.util.List;
import java.util.Locale;

/**
 * The languages the interface speaks: those of the alliance's partners, English first (the fallback for a browser
 * language not offered here and for a key a bundle lacks). A language whose bundle file is absent still appears and
 * shows English, so adding {@code translations_xx.properties} is all a new language needs besides this list.
 */
public final class UiLanguages {

    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("pl"), Locale.ITALIAN, Locale.forLanguageTag("es"));

    private UiLanguages() {
    }

    /** The language's own name ("Deutsch", "Polski"), so a user finds it whatever language the screen shows. */
    public static String name(Locale locale) {
        String own = locale.getDisplayLanguage(locale);
        return own.isEmpty() ? locale.getLanguage() : own.substring(0, 1).toUpperCase(locale) + own.substring(1);
    }

    /** The supported locale of a language tag ("de", "de-AT"), or null when the interface does not speak it. */
    public static Locale of(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return LOCALES.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }

    /** The first of the browser's languages (Accept-Language order) the interface speaks; English otherwise. */
    public static Locale match(List<Locale> requested) {
        for (Locale wanted : requested) {
            Locale supported = wanted == null ? null : of(wanted.toLanguageTag());
            if (supported != null) {
                return supported;
            }
        }
        return Locale.ENGLISH;
    }
}
