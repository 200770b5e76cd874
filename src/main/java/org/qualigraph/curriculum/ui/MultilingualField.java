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
 * A text in several languages: one row per language (ISO 639 code and text), rows added and removed by the designer.
 * The value is the language map; rows with a blank code or text are not part of it.
 */
class MultilingualField extends CustomField<Map<String, String>> {

    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private final VerticalLayout rows = new VerticalLayout();
    private final Button addLanguage;
    private final boolean multiline;
    private final List<Row> entries = new ArrayList<>();

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
    }

    @Override
    protected Map<String, String> generateModelValue() {
        var value = new LinkedHashMap<String, String>();
        for (var row : entries) {
            String language = row.language.getValue().strip();
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
            addRow("en", "");
        } else {
            value.forEach(this::addRow);
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
        return entries.stream().filter(r -> r.language.getValue().equals(language)).findFirst().map(r -> r.text);
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
        final TextField language = new TextField();
        final com.vaadin.flow.component.textfield.TextFieldBase<?, String> text;
        final Button remove;
        final HorizontalLayout layout;

        Row(String languageCode, String value) {
            language.setValue(languageCode);
            language.setWidth("5em");
            language.setPlaceholder("en");
            language.setAriaLabel(getTranslation("curriculum.ui.language"));
            text = multiline ? new TextArea() : new TextField();
            text.setValue(value);
            text.setWidthFull();
            text.setAriaLabel(getLabel() + " (" + languageCode + ")");
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
