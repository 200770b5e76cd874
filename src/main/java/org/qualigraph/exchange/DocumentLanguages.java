package org.qualigraph.exchange;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * The languages a qualification's documents can be written in: the qualification's own content languages (the
 * languages its texts are written in) and every interface language, whose bundles name the headings, labels and enum
 * values. Any other language is refused, so a typo never yields a silently English document.
 */
public final class DocumentLanguages {

    /** The interface languages: a document in any of them has headings and labels in that language. */
    public static final List<String> INTERFACE = List.of("en", "de", "fr", "pl", "it", "es");

    private DocumentLanguages() {
    }

    /** The qualification's content languages first (in the order they appear), then the other interface languages. */
    public static List<String> offered(QualificationDocument doc) {
        var languages = new LinkedHashSet<>(content(doc));
        languages.addAll(INTERFACE);
        return List.copyOf(languages);
    }

    /** Every language some text of the qualification is written in. */
    public static Set<String> content(QualificationDocument doc) {
        var languages = new LinkedHashSet<String>();
        Stream.of(doc.title(), doc.description(), doc.entryRequirements()).forEach(t -> add(languages, t));
        doc.units().forEach(u -> {
            add(languages, u.title());
            u.outcomes().forEach(o -> add(languages, o.statement()));
            u.workBasedLearning().forEach(w -> add(languages, w.description()));
        });
        return languages;
    }

    /** A language's own name, capitalised as a list item: "Polski", "Deutsch", "English". */
    public static String ownName(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        if (name.isBlank() || name.equals(code)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static void add(Set<String> languages, Map<String, String> text) {
        if (text != null) {
            text.forEach((language, value) -> {
                if (language != null && value != null && !value.isBlank()) {
                    languages.add(language);
                }
            });
        }
    }
}
