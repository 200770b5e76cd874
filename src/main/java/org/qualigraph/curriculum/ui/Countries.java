package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Countries as a list to choose from: ISO 3166 alpha-2 codes (what the document stores) shown with their names in the
 * user's language, so nobody has to know that Austria is "AT".
 */
final class Countries {

    private Countries() {
    }

    /** Every ISO 3166 alpha-2 code, ordered by its name in the given language. */
    static List<String> codes(Locale locale) {
        return Stream.of(Locale.getISOCountries()).sorted(Comparator.comparing((String c) -> name(c, locale))
                .thenComparing(c -> c)).toList();
    }

    /** "Germany (DE)"; a code Java does not know is shown as it is. */
    static String label(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = name(code, locale);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
    }

    private static String name(String code, Locale locale) {
        return new Locale("", code).getDisplayCountry(locale);
    }

    /** A country picker with type-ahead on the names; the value is the alpha-2 code. */
    static ComboBox<String> field(String label, String value, Locale locale) {
        var field = new ComboBox<String>(label);
        configure(field, value, locale);
        field.setClearButtonVisible(true);
        return field;
    }

    /**
     * Makes a combo box a country picker: every code, labelled and filtered by its name in the user's language, and
     * typing a name (or a code) and pressing Enter chooses it, as a designer expects, even with nothing highlighted.
     */
    static void configure(ComboBox<String> field, String value, Locale locale) {
        var codes = new java.util.ArrayList<>(codes(locale));
        if (value != null && !value.isBlank() && !codes.contains(value)) {
            codes.add(0, value); // keep a stored code visible even if it is not a current ISO code
        }
        field.setItems((item, filter) -> label(item, locale).toLowerCase(locale).contains(filter.toLowerCase(locale)), codes);
        field.setItemLabelGenerator(code -> label(code, locale));
        field.setValue(value == null || value.isBlank() ? null : value);
        field.setAllowCustomValue(true);
        field.addCustomValueSetListener(event -> {
            String typed = event.getDetail() == null ? "" : event.getDetail().strip();
            var match = resolve(typed, codes, locale);
            if (match != null) {
                field.setValue(match);
                field.setInvalid(false);
            } else if (!typed.isEmpty()) {
                field.setErrorMessage(field.getTranslation("curriculum.ui.country.unknown", typed));
                field.setInvalid(true);
            }
        });
    }

    /**
     * The one code that typed text names: a code, a name in the user's language or in English, or else the only
     * country whose label contains the text; null when none or several do.
     */
    static String resolve(String typed, List<String> codes, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip().toLowerCase(locale);
        for (String code : codes) {
            if (code.equalsIgnoreCase(text) || name(code, locale).equalsIgnoreCase(text)
                    || name(code, Locale.ENGLISH).equalsIgnoreCase(text) || label(code, locale).equalsIgnoreCase(text)) {
                return code;
            }
        }
        var containing = codes.stream().filter(code -> label(code, locale).toLowerCase(locale).contains(text)).limit(2).toList();
        return containing.size() == 1 ? containing.get(0) : null;
    }
}
