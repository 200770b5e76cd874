package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Supplier;
import org.qualigraph.curriculum.QualificationDocument;

/**
 * The languages of a qualification's content, chosen by their own names, with a filter that leaves only the texts
 * still missing a chosen language, and the translation overview: per language, what is missing.
 */
class TranslationPanel extends VerticalLayout {

    private final ContentLanguages languages;
    private final Supplier<QualificationDocument> document;
    private final Div overview = new Div();
    private final Details details;

    TranslationPanel(ContentLanguages languages, Supplier<QualificationDocument> document, boolean editable) {
        this.languages = languages;
        this.document = document;
        setId("translation-panel");
        setPadding(false);
        setSpacing(false);

        var chooser = new MultiSelectComboBox<String>(getTranslation("translation.languages"));
        chooser.setId("content-languages");
        var codes = new java.util.ArrayList<>(ContentLanguages.CODES);
        languages.chosen().stream().filter(l -> !codes.contains(l)).forEach(codes::add);
        chooser.setItems(codes);
        chooser.setItemLabelGenerator(ContentLanguages::name);
        chooser.setHelperText(getTranslation("translation.languages.help"));
        chooser.setValue(new java.util.LinkedHashSet<>(languages.chosen()));
        chooser.setWidth("28em");
        chooser.setReadOnly(!editable);
        chooser.addValueChangeListener(e -> {
            // keep the order of the list, not the order of clicks
            var chosen = codes.stream().filter(e.getValue()::contains).toList();
            languages.setChosen(chosen);
            refresh();
        });

        var untranslated = new Checkbox(getTranslation("translation.untranslatedOnly"));
        untranslated.setId("untranslated-only");
        untranslated.addValueChangeListener(e -> languages.setUntranslatedOnly(e.getValue()));

        var row = new HorizontalLayout(chooser, untranslated);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        overview.setId("translation-overview-content");
        details = new Details(getTranslation("translation.overview"), overview);
        details.setId("translation-overview");
        details.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                refresh();
            }
        });
        add(row, details);
        refresh();
    }

    void refreshIfOpen() {
        if (details.isOpened()) {
            refresh();
        }
    }

    /** Lists, per chosen language, the texts that lack it; called when languages or texts change. */
    void refresh() {
        overview.removeAll();
        var missing = languages.missing(document.get());
        if (missing.isEmpty()) {
            overview.add(new Span(getTranslation("translation.none")));
            return;
        }
        int total = ContentLanguages.texts(document.get()).stream().filter(ContentLanguages.Text::written).toList().size();
        missing.forEach((language, texts) -> {
            var block = new Div();
            block.setId("translation-" + language);
            var head = new Span(getTranslation(texts.isEmpty() ? "translation.complete" : "translation.missingCount",
                    ContentLanguages.name(language), texts.size(), total));
            head.getStyle().set("font-weight", "600");
            block.add(head);
            if (!texts.isEmpty()) {
                var list = new UnorderedList();
                texts.forEach(t -> list.add(new ListItem(getTranslation(t.key(), t.args().toArray()))));
                block.add(list);
            }
            overview.add(block);
        });
        details.setSummaryText(getTranslation("translation.overview.summary",
                missing.values().stream().mapToInt(java.util.List::size).sum()));
    }
}
