package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.KeyCompetence;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.curriculum.Texts;
import org.qualigraph.curriculum.ui.UnitDraft.OutcomeDraft;

/**
 * The outcomes of one unit in one EQF dimension (knowledge, skills, or responsibility and autonomy), each edited
 * inline: code, statement in several languages, level, key competences and ESCO skills.
 */
class OutcomeSection extends VerticalLayout {

    private final UnitDraft unit;
    private final Dimension dimension;
    private final boolean editable;
    private final SkillCatalog catalog;
    private final Supplier<QualificationDocument> document;
    private final Supplier<Set<String>> takenCodes;
    private final Runnable onChange;
    private final Runnable onStructureChange;
    private final VerticalLayout rows = new VerticalLayout();

    OutcomeSection(UnitDraft unit, Dimension dimension, boolean editable, SkillCatalog catalog,
                   Supplier<QualificationDocument> document, Supplier<Set<String>> takenCodes, Runnable onChange,
                   Runnable onStructureChange) {
        this.unit = unit;
        this.dimension = dimension;
        this.editable = editable;
        this.catalog = catalog;
        this.document = document;
        this.takenCodes = takenCodes;
        this.onChange = onChange;
        this.onStructureChange = onStructureChange;
        String slug = dimension.name().toLowerCase(Locale.ROOT).replace('_', '-');
        setId("outcomes-" + slug);
        setPadding(false);
        rows.setPadding(false);
        add(new H4(getTranslation("curriculum.ui.dimension." + dimension.name())), rows);
        if (editable) {
            var add = new Button(getTranslation("curriculum.ui.outcome.add"), VaadinIcon.PLUS.create(), e -> addOutcome());
            add.setId("add-outcome-" + slug);
            add.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(add);
        }
        refresh();
    }

    private void addOutcome() {
        var outcome = new OutcomeDraft();
        outcome.dimension = dimension;
        outcome.code = unit.nextCode(String.valueOf(dimension.name().charAt(0)), takenCodes.get());
        outcome.eqfLevel = unit.eqfLevel;
        outcome.statement.put("en", "");
        unit.outcomes.add(outcome);
        refresh();
        onStructureChange.run();
    }

    void refresh() {
        rows.removeAll();
        unit.outcomes.stream().filter(o -> o.dimension == dimension).forEach(o -> rows.add(createRow(o)));
    }

    private Div createRow(OutcomeDraft outcome) {
        var code = new TextField(getTranslation("curriculum.ui.code"));
        code.addClassName("outcome-code");
        code.setValue(outcome.code == null ? "" : outcome.code);
        code.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        code.addValueChangeListener(e -> {
            boolean ok = !e.getValue().isBlank();
            code.setInvalid(!ok);
            code.setErrorMessage(ok ? null : getTranslation("curriculum.ui.code.required"));
            if (ok) {
                outcome.code = e.getValue().strip();
                onStructureChange.run();
            }
        });
        var statement = new MultilingualField(getTranslation("curriculum.ui.outcome.statement"), true);
        statement.addClassName("outcome-statement");
        statement.setValue(outcome.statement);
        statement.addValueChangeListener(e -> {
            outcome.statement = new java.util.LinkedHashMap<>(e.getValue());
            onChange.run();
        });
        var eqf = new IntegerField(getTranslation("curriculum.ui.eqf"));
        eqf.addClassName("outcome-eqf");
        eqf.setValue(outcome.eqfLevel);
        eqf.addValueChangeListener(e -> {
            boolean ok = e.getValue() == null || (e.getValue() >= 1 && e.getValue() <= 8);
            eqf.setInvalid(!ok);
            eqf.setErrorMessage(ok ? null : getTranslation("curriculum.ui.eqf.range"));
            if (ok) {
                outcome.eqfLevel = e.getValue();
                onChange.run();
            }
        });
        var competences = new MultiSelectComboBox<KeyCompetence>(getTranslation("curriculum.ui.outcome.keyCompetences"));
        competences.addClassName("outcome-competences");
        competences.setItems(KeyCompetence.values());
        competences.setItemLabelGenerator(EnumLabels::of);
        competences.setValue(outcome.keyCompetences);
        competences.addValueChangeListener(e -> {
            outcome.keyCompetences = new java.util.LinkedHashSet<>(e.getValue());
            onChange.run();
        });
        var skills = new SkillPicker(outcome.skills, catalog, () -> Texts.display(outcome.statement),
                () -> displayLanguage(outcome.statement), document, onChange, editable);
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {code, statement, eqf, competences}) {
            field.setReadOnly(!editable);
        }
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        form.add(code, eqf, competences);
        form.add(statement, 3);
        form.addFormItem(skills, getTranslation("curriculum.ui.outcome.skills"));
        var card = new Div(form);
        card.addClassName("outcome");
        card.getElement().setAttribute("data-code", outcome.code == null ? "" : outcome.code);
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s)").set("margin-bottom", "var(--lumo-space-s)").set("width", "100%")
                .set("box-sizing", "border-box");
        if (editable) {
            enableDragAndDrop(card, outcome);
            var remove = new Button(getTranslation("curriculum.ui.outcome.remove"), VaadinIcon.TRASH.create(), e -> {
                unit.outcomes.remove(outcome);
                unit.periods.forEach(p -> p.outcomes.remove(outcome.code));
                unit.assessments.forEach(a -> a.outcomes.remove(outcome.code));
                refresh();
                onStructureChange.run();
            });
            remove.addClassName("remove-outcome");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            card.add(remove);
        }
        return card;
    }

    /**
     * An outcome is moved by dragging its handle onto another outcome of the same dimension: it then takes that
     * outcome's place. Only the handle is draggable, so selecting text in the fields still works.
     */
    private void enableDragAndDrop(Div card, OutcomeDraft outcome) {
        var handle = VaadinIcon.ELLIPSIS_DOTS_V.create();
        handle.addClassName("outcome-drag-handle");
        handle.getElement().setAttribute("title", getTranslation("curriculum.ui.outcome.drag"));
        handle.getElement().setAttribute("aria-hidden", "true");
        handle.getStyle().set("cursor", "grab").set("color", "var(--lumo-secondary-text-color)").set("float", "right");
        var source = com.vaadin.flow.component.dnd.DragSource.create(handle);
        source.setDragData(outcome);
        var target = com.vaadin.flow.component.dnd.DropTarget.create(card);
        target.addDropListener(e -> e.getDragData().ifPresent(data -> {
            if (data instanceof OutcomeDraft moved) {
                moveOutcome(moved, outcome);
            }
        }));
        card.addComponentAsFirst(handle);
    }

    /** Puts {@code moved} where {@code target} is, among the outcomes of this dimension. */
    void moveOutcome(OutcomeDraft moved, OutcomeDraft target) {
        if (moved == target || moved.dimension != dimension || !unit.outcomes.contains(moved) || !unit.outcomes.contains(target)) {
            return;
        }
        int from = unit.outcomes.indexOf(moved);
        int to = unit.outcomes.indexOf(target);
        unit.outcomes.remove(from);
        unit.outcomes.add(to, moved);
        refresh();
        onStructureChange.run();
    }

    /** Puts the keyboard focus on the outcome's code field, when it is in this section. */
    boolean focus(String outcomeCode) {
        return rows.getChildren().filter(c -> outcomeCode.equals(c.getElement().getAttribute("data-code"))).findFirst()
                .map(card -> {
                    card.scrollIntoView();
                    card.getElement().getStyle().set("outline", "2px solid var(--lumo-primary-color)");
                    return true;
                }).orElse(false);
    }

    /** The language whose text {@link Texts#display} shows: English, else the first filled language, else null. */
    private static String displayLanguage(java.util.Map<String, String> text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.containsKey("en") ? "en" : text.keySet().iterator().next();
    }
}
