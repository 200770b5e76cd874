package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.AssessmentMethod;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.curriculum.WblSetting;
import org.qualigraph.curriculum.ui.UnitDraft.AssessmentDraft;
import org.qualigraph.curriculum.ui.UnitDraft.PeriodDraft;

/**
 * Everything about the selected unit: its form, a warning when other qualifications share it (their edits are shared)
 * or when one in review, approved, published or archived does (an edit makes a copy), its outcomes by dimension, its work-based learning
 * periods and its assessments.
 */
class UnitDetails extends VerticalLayout {

    private final UnitDraft unit;
    private final boolean editable;
    private final Supplier<Set<String>> takenCodes;
    private final Runnable onChange;
    private final UnitForm form;
    private final List<OutcomeSection> sections = new ArrayList<>();
    private final Div references = new Div();

    UnitDetails(UnitDraft unit, List<String> otherUnitCodes, List<QualificationSummary> sharedWith, boolean editable,
                SkillCatalog catalog, Supplier<QualificationDocument> document, Supplier<Set<String>> takenCodes,
                Runnable onChange) {
        this.unit = unit;
        this.editable = editable;
        this.takenCodes = takenCodes;
        this.onChange = onChange;
        setId("unit-details");
        setPadding(false);
        var frozen = sharedWith.stream().filter(s -> isFrozen(s.status())).toList();
        var editing = sharedWith.stream().filter(s -> !isFrozen(s.status())).toList();
        if (!editing.isEmpty()) {
            add(warning("shared-warning", getTranslation("curriculum.ui.unit.shared", titles(editing))));
        }
        if (!frozen.isEmpty() && editable) {
            add(warning("published-copy-warning", getTranslation("curriculum.ui.unit.sharedLocked", titles(frozen))));
        }
        form = new UnitForm(unit, otherUnitCodes, editable, onChange);
        add(form);
        add(new H3(getTranslation("curriculum.ui.outcomes")));
        for (var dimension : Dimension.values()) {
            var section = new OutcomeSection(unit, dimension, editable, catalog, document, takenCodes, onChange,
                    this::outcomesChanged);
            sections.add(section);
            add(section);
        }
        references.setWidthFull();
        add(references);
        refreshReferences();
    }

    boolean writeIfValid() {
        return form.writeIfValid();
    }

    /**
     * Qualifications in review or approved are locked and published or archived ones never change: editing a unit they
     * share makes a copy on save.
     */
    static boolean isFrozen(QualificationStatus status) {
        return !QualificationService.isContentEditable(status);
    }

    private static String titles(List<QualificationSummary> qualifications) {
        return String.join(", ", qualifications.stream().map(QualificationSummary::displayTitle).toList());
    }

    private static Div warning(String id, String text) {
        var warning = new Div(text);
        warning.setId(id);
        warning.getElement().getThemeList().add("badge warning");
        warning.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");
        return warning;
    }

    void focusOutcome(String code) {
        sections.forEach(s -> s.focus(code));
    }

    private void outcomesChanged() {
        refreshReferences();
        onChange.run();
    }

    /** Periods and assessments refer to outcome codes, so they are rebuilt when outcomes come, go or are renamed. */
    private void refreshReferences() {
        references.removeAll();
        references.add(new H3(getTranslation("curriculum.ui.periods")), createPeriods(),
                new H3(getTranslation("curriculum.ui.assessments")), createAssessments());
    }

    private Component createPeriods() {
        return new RowListEditor<>("periods", getTranslation("curriculum.ui.period.add"), unit.periods, () -> {
            var period = new PeriodDraft();
            period.code = unit.nextCode("W", takenCodes.get());
            period.setting = WblSetting.COMPANY;
            return period;
        }, (period, changed) -> {
            var code = QualificationForm.text(getTranslation("curriculum.ui.code"), period.code, "8em", editable,
                    v -> period.code = v, changed);
            var hours = new IntegerField(getTranslation("curriculum.ui.hours"));
            hours.setValue(period.hours);
            hours.setWidth("7em");
            hours.addClassName("period-hours");
            hours.addValueChangeListener(e -> {
                boolean ok = e.getValue() == null || (e.getValue() >= 0 && e.getValue() <= 100000);
                hours.setInvalid(!ok);
                if (ok) {
                    period.hours = e.getValue();
                    changed.run();
                }
            });
            var setting = new Select<WblSetting>();
            setting.setLabel(getTranslation("curriculum.ui.period.setting"));
            setting.setItems(WblSetting.values());
            setting.setItemLabelGenerator(EnumLabels::of);
            setting.setValue(period.setting);
            setting.addValueChangeListener(e -> {
                period.setting = e.getValue();
                changed.run();
            });
            var description = QualificationForm.text(getTranslation("curriculum.ui.description"),
                    period.description.get("en"), "16em", editable, v -> {
                        if (v == null || v.isBlank()) {
                            period.description.remove("en");
                        } else {
                            period.description.put("en", v);
                        }
                    }, changed);
            var served = outcomeChooser(getTranslation("curriculum.ui.period.outcomes"), period.outcomes,
                    v -> period.outcomes = v, changed);
            hours.setReadOnly(!editable);
            setting.setReadOnly(!editable);
            description.setMaxWidth("100%");
            var row = QualificationForm.wrapping(code, hours, setting, description, served);
            row.addClassName("period");
            return row;
        }, onChange, editable);
    }

    private Component createAssessments() {
        return new RowListEditor<>("assessments", getTranslation("curriculum.ui.assessment.add"), unit.assessments, () -> {
            var assessment = new AssessmentDraft();
            assessment.code = unit.nextCode("A", takenCodes.get());
            assessment.method = AssessmentMethod.PRACTICAL_TASK;
            assessment.weight = unit.assessments.isEmpty() ? 100 : null;
            return assessment;
        }, (assessment, changed) -> {
            var code = QualificationForm.text(getTranslation("curriculum.ui.code"), assessment.code, "8em", editable,
                    v -> assessment.code = v, changed);
            var method = new Select<AssessmentMethod>();
            method.setLabel(getTranslation("curriculum.ui.assessment.method"));
            method.setItems(AssessmentMethod.values());
            method.setItemLabelGenerator(EnumLabels::of);
            method.setValue(assessment.method);
            method.addValueChangeListener(e -> {
                assessment.method = e.getValue();
                changed.run();
            });
            var weight = new IntegerField(getTranslation("curriculum.ui.assessment.weight"));
            weight.setValue(assessment.weight);
            weight.setWidth("7em");
            weight.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
            weight.addValueChangeListener(e -> {
                boolean ok = e.getValue() == null || (e.getValue() >= 0 && e.getValue() <= 100);
                weight.setInvalid(!ok);
                weight.setErrorMessage(ok ? null : getTranslation("curriculum.ui.assessment.weight.range"));
                if (ok) {
                    assessment.weight = e.getValue();
                    changed.run();
                }
            });
            var assessed = outcomeChooser(getTranslation("curriculum.ui.assessment.outcomes"), assessment.outcomes,
                    v -> assessment.outcomes = v, changed);
            method.setReadOnly(!editable);
            weight.setReadOnly(!editable);
            var row = QualificationForm.wrapping(code, method, weight, assessed);
            row.addClassName("assessment");
            return row;
        }, onChange, editable);
    }

    /** "U1.K1 · Describe the ..." (the statement in the interface language, else English, shortened), or the code alone. */
    String outcomeLabel(String code) {
        String language = getLocale() == null ? "en" : getLocale().getLanguage();
        return unit.outcomes.stream().filter(o -> code.equals(o.code)).findFirst()
                .map(o -> org.qualigraph.curriculum.Texts.in(o.statement, language))
                .filter(text -> text != null && !text.isBlank())
                .map(text -> code + " · " + (text.strip().length() > 70 ? text.strip().substring(0, 69) + "…" : text.strip()))
                .orElse(code);
    }

    private MultiSelectComboBox<String> outcomeChooser(String label, Set<String> value,
                                                       java.util.function.Consumer<Set<String>> setter, Runnable changed) {
        var chooser = new MultiSelectComboBox<String>(label);
        var codes = new LinkedHashSet<>(unit.outcomeCodes());
        codes.addAll(value);
        chooser.setItems(codes);
        // outcomes by code and statement ("U1.K1 · Describe the ..."), as readers name them, in the chips too
        chooser.setItemLabelGenerator(this::outcomeLabel);
        chooser.setValue(value);
        chooser.setWidth("24em");
        chooser.setMaxWidth("100%");
        chooser.setReadOnly(!editable);
        chooser.addValueChangeListener(e -> {
            setter.accept(new LinkedHashSet<>(e.getValue()));
            changed.run();
        });
        return chooser;
    }
}
