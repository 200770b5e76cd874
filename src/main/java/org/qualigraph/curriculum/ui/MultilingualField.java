package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A text in several languages: one row per language (chosen by its own name, stored as its ISO 639 code) and text,
 * rows added and removed by the designer. Inside an editor it follows the qualification's {@link ContentLanguages}:
 * a row for every chosen language, a note under the field of which languages are filled and which are missing, and
 * hidden while the editor shows only untranslated texts and this one is complete. The value is the language map; rows
 * with a blank code or text are not part of it.
 */
class MultilingualField extends CustomField<Map<String, String>> {

    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private final VerticalLayout rows = new VerticalLayout();
    private final Button addLanguage;
    private final boolean multiline;
    private final List<Row> entries = new ArrayList<>();
    private com.vaadin.flow.shared.Registration following;

    MultilingualField(String label, boolean multiline) {
        this.multiline = multiline;
        setLabel(label);
        rows.setPadding(false);
        rows.setSpacing(false);
        addLanguage = new Button(getTranslation("curriculum.ui.language.add"), VaadinIcon.PLUS.create(), e -> {
            addRow("", "");
            updateValue();
        });
        addLanguage.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addLanguage.addClassName("add-language");
        var content = new VerticalLayout(rows, addLanguage);
        content.setPadding(false);
        content.setSpacing(false);
        add(content);
        setWidthFull();
        addAttachListener(e -> {
            var languages = ContentLanguages.current();
            if (languages != null && following == null) {
                following = languages.addListener(this::follow);
                follow(languages);
            }
        });
        addDetachListener(e -> {
            if (following != null) {
                following.remove();
                following = null;
            }
        });
        addValueChangeListener(e -> {
            var languages = ContentLanguages.current();
            if (languages != null && following != null) {
                showCoverage(languages);
            }
        });
    }

    /** Adds an empty row for each chosen language the field lacks, and shows what is filled. */
    private void follow(ContentLanguages languages) {
        var present = entries.stream().map(r -> r.language.getValue()).filter(java.util.Objects::nonNull).toList();
        for (String language : languages.chosen()) {
            if (!present.contains(language)) {
                addRow(language, "");
            }
        }
        showCoverage(languages);
    }

    private void showCoverage(ContentLanguages languages) {
        var value = generateModelValue();
        if (languages.chosen().isEmpty()) {
            setHelperText(null);
            setVisible(true);
            return;
        }
        var filled = languages.chosen().stream().filter(l -> !value.getOrDefault(l, "").isBlank()).map(ContentLanguages::name).toList();
        var missing = languages.chosen().stream().filter(l -> value.getOrDefault(l, "").isBlank()).map(ContentLanguages::name).toList();
        String note = filled.isEmpty() ? "" : getTranslation("curriculum.ui.language.filled", String.join(", ", filled));
        if (!missing.isEmpty()) {
            note = (note.isEmpty() ? "" : note + " · ") + getTranslation("curriculum.ui.language.missing", String.join(", ", missing));
        }
        setHelperText(note);
        setVisible(!languages.untranslatedOnly() || !missing.isEmpty());
    }

    @Override
    protected Map<String, String> generateModelValue() {
        var value = new LinkedHashMap<String, String>();
        for (var row : entries) {
            String language = row.language.getValue() == null ? "" : row.language.getValue().strip();
            String text = row.text.getValue();
            if (!language.isEmpty() && !text.isBlank()) {
                value.put(language, text);
            }
        }
        return value;
    }

    @Override
    protected void setPresentationValue(Map<String, String> value) {
        rows.removeAll();
        entries.clear();
        if (value == null || value.isEmpty()) {
            var languages = ContentLanguages.current();
            if (languages == null || languages.chosen().isEmpty()) {
                addRow("en", "");
            } else {
                languages.chosen().forEach(l -> addRow(l, ""));
            }
        } else {
            value.forEach(this::addRow);
        }
        var languages = ContentLanguages.current();
        if (languages != null && following != null) {
            follow(languages);
        }
    }

    @Override
    public Map<String, String> getEmptyValue() {
        return Map.of();
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        addLanguage.setVisible(!readOnly);
        entries.forEach(r -> r.setReadOnly(readOnly));
    }

    /** The text field of a language, e.g. for tests and focus; empty when the language has no row. */
    java.util.Optional<com.vaadin.flow.component.HasValue<?, String>> textOf(String language) {
        return entries.stream().filter(r -> language.equals(r.language.getValue())).findFirst().map(r -> r.text);
    }

    /** Codes that are not ISO 639 language codes, for validation. */
    static List<String> badLanguages(Map<String, String> value) {
        return value == null ? List.of() : value.keySet().stream().filter(l -> !LANGUAGE.matcher(l).matches()).toList();
    }

    private void addRow(String language, String text) {
        var row = new Row(language, text);
        entries.add(row);
        rows.add(row.layout);
        row.setReadOnly(isReadOnly());
    }

    private final class Row {
        final com.vaadin.flow.component.combobox.ComboBox<String> language = new com.vaadin.flow.component.combobox.ComboBox<>();
        final com.vaadin.flow.component.textfield.TextFieldBase<?, String> text;
        final Button remove;
        final HorizontalLayout layout;

        Row(String languageCode, String value) {
            var codes = new ArrayList<>(ContentLanguages.CODES);
            if (languageCode != null && !languageCode.isBlank() && !codes.contains(languageCode)) {
                codes.add(0, languageCode); // a stored code outside the list stays visible as it is
            }
            language.setItems(codes);
            language.setItemLabelGenerator(ContentLanguages::name);
            language.setValue(languageCode == null || languageCode.isBlank() ? null : languageCode);
            language.setWidth("10em");
            language.addClassName("content-language");
            language.setAriaLabel(getTranslation("curriculum.ui.language"));
            text = multiline ? new TextArea() : new TextField();
            text.setValue(value);
            text.setWidthFull();
            text.setAriaLabel(getLabel() + " (" + ContentLanguages.name(languageCode) + ")");
            language.addValueChangeListener(e -> updateValue());
            text.addValueChangeListener(e -> updateValue());
            remove = new Button(VaadinIcon.CLOSE_SMALL.create());
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel(getTranslation("curriculum.ui.language.remove"));
            layout = new HorizontalLayout(language, text, remove);
            remove.addClickListener(e -> {
                entries.remove(this);
                rows.remove(layout);
                updateValue();
            });
            layout.setWidthFull();
            layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        }

        void setReadOnly(boolean readOnly) {
            language.setReadOnly(readOnly);
            text.setReadOnly(readOnly);
            remove.setVisible(!readOnly);
        }
    }
}
