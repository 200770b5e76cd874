package org.qualigraph.exchange;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.qualigraph.base.Plural;

/**
 * The headings and labels of the core-curriculum document in one language ({@code exchange/document*.properties}),
 * falling back to English for languages and keys without a translation, never to the server's default locale. Enum
 * values are named by the interface bundle ({@code vaadin-i18n/translations*.properties}, {@code enum.<Enum>.<NAME>}),
 * so a document calls a delivery mode what the screen calls it. One instance serves one document: it also counts the
 * texts that had to fall back to another language, for the note that explains their mark.
 */
final class DocumentMessages {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final ResourceBundle interfaceBundle;
    private final Locale locale;
    private final String language;
    private int untranslated;

    private DocumentMessages(ResourceBundle bundle, ResourceBundle interfaceBundle, Locale locale, String language) {
        this.bundle = bundle;
        this.interfaceBundle = interfaceBundle;
        this.locale = locale;
        this.language = language;
    }

    static DocumentMessages of(String language) {
        String code = language == null || language.isBlank() ? "en" : language;
        Locale locale = Locale.forLanguageTag(code);
        return new DocumentMessages(ResourceBundle.getBundle("exchange/document", locale, NO_DEFAULT_LOCALE),
                ResourceBundle.getBundle("vaadin-i18n/translations", locale, NO_DEFAULT_LOCALE), locale, code);
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(Plural.expand(pattern, locale, arguments), locale).format(arguments);
    }

    /** The label of an enum constant as the interface shows it, else the name in words. */
    String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
        try {
            return interfaceBundle.getString(key);
        } catch (MissingResourceException e) {
            return humanise(value.name());
        }
    }

    String yesNo(boolean value) {
        return get(value ? "yes" : "no");
    }

    /**
     * A multilingual text in the document's language; without a translation, the English (else any) text followed by
     * a mark in the document's language naming the language it is written in. Empty texts stay empty and unmarked.
     */
    String text(Map<String, String> text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String own = text.get(language);
        if (own != null && !own.isBlank()) {
            return own;
        }
        String shown = text.containsKey("en") && !text.get("en").isBlank() ? "en"
                : text.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                        .map(Map.Entry::getKey).findFirst().orElse(null);
        if (shown == null) {
            return "";
        }
        untranslated++;
        return text.get(shown) + " " + get("untranslated.mark", languageName(shown));
    }

    /** How many texts {@link #text} has marked as untranslated so far. */
    int untranslated() {
        return untranslated;
    }

    /** The name of a language in the document's language, e.g. "angielski" for {@code en} in a Polish document. */
    String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    /** {@code PRACTICAL_TASK} → "Practical task"; short all-capital acronyms such as {@code IVET} stay as they are. */
    static String humanise(String name) {
        if (!name.contains("_") && name.length() <= 4) {
            return name;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
