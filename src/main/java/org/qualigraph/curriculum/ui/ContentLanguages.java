package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.curriculum.WorkBasedLearningDocument;

/**
 * The languages a qualification's texts are written in. They are chosen from the EU's 24 official languages and those
 * of the other Erasmus+ programme countries (Icelandic, Norwegian, Turkish, North Macedonian, Serbian), each shown by
 * its own name ("polski", "Deutsch"), so a partner finds their language whatever the interface language is.
 * <p>
 * One instance belongs to the editor of one qualification; every {@link MultilingualField} of that editor follows it:
 * a row for each chosen language, a note of which are filled, and hidden when complete while the editor shows only
 * untranslated texts. The set is not stored apart from the texts: a language is part of a saved qualification when
 * some text is written in it.
 */
final class ContentLanguages {

    /** EU official languages (ISO 639-1), then the other Erasmus+ programme countries' languages. */
    static final List<String> CODES = List.of("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
            "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "is", "no", "tr", "mk", "sr");

    /** The main language of a country (ISO 3166 alpha-2), for the title of a national variant. */
    private static final Map<String, String> COUNTRY_LANGUAGE = Map.ofEntries(Map.entry("AT", "de"),
            Map.entry("BE", "nl"), Map.entry("BG", "bg"), Map.entry("HR", "hr"), Map.entry("CY", "el"),
            Map.entry("CZ", "cs"), Map.entry("DK", "da"), Map.entry("EE", "et"), Map.entry("FI", "fi"),
            Map.entry("FR", "fr"), Map.entry("DE", "de"), Map.entry("GR", "el"), Map.entry("HU", "hu"),
            Map.entry("IE", "en"), Map.entry("IT", "it"), Map.entry("LV", "lv"), Map.entry("LT", "lt"),
            Map.entry("LU", "fr"), Map.entry("MT", "mt"), Map.entry("NL", "nl"), Map.entry("PL", "pl"),
            Map.entry("PT", "pt"), Map.entry("RO", "ro"), Map.entry("SK", "sk"), Map.entry("SI", "sl"),
            Map.entry("ES", "es"), Map.entry("SE", "sv"), Map.entry("IS", "is"), Map.entry("NO", "no"),
            Map.entry("LI", "de"), Map.entry("TR", "tr"), Map.entry("MK", "mk"), Map.entry("RS", "sr"),
            Map.entry("CH", "de"), Map.entry("GB", "en"), Map.entry("AL", "sq"), Map.entry("ME", "sr"));

    private final Set<String> chosen = new LinkedHashSet<>();
    private final List<Consumer<ContentLanguages>> listeners = new ArrayList<>();
    private boolean untranslatedOnly;

    ContentLanguages(java.util.Collection<String> languages) {
        chosen.addAll(languages);
    }

    /** The editor's instance for the fields of the current UI; null outside an editor. */
    static ContentLanguages current() {
        UI ui = UI.getCurrent();
        return ui == null ? null : ComponentUtil.getData(ui, ContentLanguages.class);
    }

    /** Makes this the instance the fields of the UI follow (each editor load makes a new one). */
    void install(UI ui) {
        ComponentUtil.setData(ui, ContentLanguages.class, this);
    }

    /** A language's own name ("polski", "Deutsch"); a code Java does not know is shown as it is. */
    static String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Locale locale = Locale.forLanguageTag(code);
        String own = locale.getDisplayLanguage(locale);
        return own.isBlank() || own.equalsIgnoreCase(code) ? code : own;
    }

    /** The language a variant for this country is usually written in; English when not known. */
    static String ofCountry(String country) {
        return country == null ? "en" : COUNTRY_LANGUAGE.getOrDefault(country.toUpperCase(Locale.ROOT), "en");
    }

    /** Every language some text of the document is written in, in the order of {@link #CODES}, others after. */
    static List<String> used(QualificationDocument document) {
        var found = new LinkedHashSet<String>();
        texts(document).forEach(t -> t.text().forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                found.add(language);
            }
        }));
        var ordered = new ArrayList<String>();
        CODES.stream().filter(found::contains).forEach(ordered::add);
        found.stream().filter(l -> !CODES.contains(l)).forEach(ordered::add);
        return ordered;
    }

    /** A multilingual text of a qualification and where it is (a bundle key and its arguments). */
    record Text(String key, List<String> args, Map<String, String> text) {
        boolean written() {
            return text.values().stream().anyMatch(v -> v != null && !v.isBlank());
        }

        boolean missing(String language) {
            String value = text.get(language);
            return written() && (value == null || value.isBlank());
        }
    }

    /** Every multilingual text of the document, in reading order. */
    static List<Text> texts(QualificationDocument document) {
        var all = new ArrayList<Text>();
        all.add(new Text("translation.text.title", List.of(), document.title()));
        all.add(new Text("translation.text.description", List.of(), document.description()));
        all.add(new Text("translation.text.entryRequirements", List.of(), document.entryRequirements()));
        for (UnitDocument unit : document.units()) {
            String code = unit.code() == null ? "" : unit.code();
            all.add(new Text("translation.text.unitTitle", List.of(code), unit.title()));
            for (OutcomeDocument outcome : unit.outcomes()) {
                all.add(new Text("translation.text.outcome", List.of(outcome.code() == null ? code : outcome.code()),
                        outcome.statement()));
            }
            for (WorkBasedLearningDocument period : unit.workBasedLearning()) {
                all.add(new Text("translation.text.period", List.of(period.code() == null ? code : period.code()),
                        period.description()));
            }
        }
        return all;
    }

    /** For each chosen language, the written texts that lack it (an empty list when the language is complete). */
    Map<String, List<Text>> missing(QualificationDocument document) {
        var texts = texts(document);
        var result = new java.util.LinkedHashMap<String, List<Text>>();
        for (String language : chosen) {
            result.put(language, texts.stream().filter(t -> t.missing(language)).toList());
        }
        return result;
    }

    List<String> chosen() {
        return List.copyOf(chosen);
    }

    void setChosen(java.util.Collection<String> languages) {
        chosen.clear();
        chosen.addAll(languages);
        fire();
    }

    boolean untranslatedOnly() {
        return untranslatedOnly;
    }

    void setUntranslatedOnly(boolean untranslatedOnly) {
        this.untranslatedOnly = untranslatedOnly;
        fire();
    }

    Registration addListener(Consumer<ContentLanguages> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire() {
        List.copyOf(listeners).forEach(l -> l.accept(this));
    }
}
