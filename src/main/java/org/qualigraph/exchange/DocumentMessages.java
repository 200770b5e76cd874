package org.qualigraph.exchange;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The headings and labels of the core-curriculum document in one language ({@code exchange/document*.properties}),
 * falling back to English for languages and keys without a translation, never to the server's default locale.
 */
final class DocumentMessages {

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private DocumentMessages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static DocumentMessages of(String language) {
        Locale locale = Locale.forLanguageTag(language == null || language.isBlank() ? "en" : language);
        return new DocumentMessages(ResourceBundle.getBundle("exchange/document", locale, NO_DEFAULT_LOCALE), locale);
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** The label of an enum constant: a bundle entry {@code <enum simple name>.<NAME>} if any, else the name in words. */
    String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return humanise(value.name());
        }
    }

    String yesNo(boolean value) {
        return get(value ? "yes" : "no");
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
