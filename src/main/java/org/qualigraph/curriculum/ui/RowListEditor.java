package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Edits a small list of the working copy in place: one row of fields per element, an add button and a remove button
 * per row. Used for NQF levels, awarding bodies, target occupations, outcomes, periods and assessments, which are
 * short lists where a full grid editor would only add clicks.
 */
class RowListEditor<T> extends VerticalLayout {

    private final List<T> items;
    private final Supplier<T> factory;
    private final BiFunction<T, Runnable, Component> rowFactory;
    private final Runnable onChange;
    private final boolean editable;
    private final VerticalLayout rows = new VerticalLayout();

    /**
     * @param rowFactory builds the fields of one element; it calls the given runnable after each committed change
     */
    RowListEditor(String idPrefix, String addLabel, List<T> items, Supplier<T> factory,
                  BiFunction<T, Runnable, Component> rowFactory, Runnable onChange, boolean editable) {
        this.items = items;
        this.factory = factory;
        this.rowFactory = rowFactory;
        this.onChange = onChange;
        this.editable = editable;
        setId(idPrefix);
        setPadding(false);
        setSpacing(false);
        rows.setPadding(false);
        rows.setSpacing(false);
        add(rows);
        if (editable) {
            var add = new Button(addLabel, VaadinIcon.PLUS.create(), e -> {
                T item = factory.get();
                items.add(item);
                refresh();
                onChange.run();
            });
            add.setId(idPrefix + "-add");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(add);
        }
        refresh();
    }

    void refresh() {
        rows.removeAll();
        if (items.isEmpty()) {
            var none = new Span(getTranslation("curriculum.ui.none"));
            none.addClassName("empty-list");
            rows.add(none);
        }
        for (T item : items) {
            var fields = rowFactory.apply(item, onChange);
            var row = new HorizontalLayout(fields);
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            // the fields take the room left by the remove button and wrap inside it rather than push it off-screen
            row.setFlexGrow(1, fields);
            fields.getElement().getStyle().set("min-width", "0");
            if (editable) {
                var remove = new Button(VaadinIcon.TRASH.create(), e -> {
                    items.remove(item);
                    refresh();
                    onChange.run();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("curriculum.ui.remove"));
                remove.addClassName("remove-row");
                remove.getStyle().set("flex-shrink", "0");
                row.add(remove);
            }
            rows.add(row);
        }
    }
}
