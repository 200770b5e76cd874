package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.curriculum.CreditSystem;
import org.qualigraph.curriculum.Ecosystem;
import org.qualigraph.curriculum.IscedF;
import org.qualigraph.curriculum.OccupationCatalog;
import org.qualigraph.curriculum.OrganisationKind;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.curriculum.ui.QualificationDraft.BodyDraft;
import org.qualigraph.curriculum.ui.QualificationDraft.NqfDraft;

/**
 * The profile of a qualification. Plain fields go through a buffered {@link Binder}: each valid change is written
 * into the working copy ({@code writeBeanIfValid}), an invalid one stays in the field with its message and never
 * reaches the working copy. The small lists (NQF levels, awarding bodies, target occupations) edit the working copy
 * row by row.
 */
class QualificationForm extends FormLayout {

    private final Binder<QualificationDraft> binder = new Binder<>(QualificationDraft.class);
    private final Map<String, Object> fieldsByPath = new java.util.HashMap<>();
    private final MultilingualField title;
    private final FieldPaths rowFields = new FieldPaths();
    private final OccupationCatalog occupations;
    private QualificationDraft draft;
    private OccupationPicker targets;

    QualificationForm(QualificationDraft draft, boolean editable, OccupationCatalog occupations, Runnable onChange) {
        this.draft = draft;
        this.occupations = occupations;
        setId("qualification-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));

        title = new MultilingualField(getTranslation("curriculum.ui.title"), false);
        title.setId("title");
        binder.forField(title)
                .withValidator(v -> !v.isEmpty(), getTranslation("curriculum.ui.title.required"))
                .withValidator(v -> MultilingualField.badLanguages(v).isEmpty(), getTranslation("curriculum.ui.language.bad"))
                .bind(QualificationDraft::getTitle, QualificationDraft::setTitle);
        var description = new MultilingualField(getTranslation("curriculum.ui.description"), true);
        description.setId("description");
        binder.forField(description)
                .withValidator(v -> MultilingualField.badLanguages(v).isEmpty(), getTranslation("curriculum.ui.language.bad"))
                .bind(QualificationDraft::getDescription, QualificationDraft::setDescription);
        var entry = new MultilingualField(getTranslation("curriculum.ui.entryRequirements"), true);
        entry.setId("entry-requirements");
        binder.forField(entry)
                .withValidator(v -> MultilingualField.badLanguages(v).isEmpty(), getTranslation("curriculum.ui.language.bad"))
                .bind(QualificationDraft::getEntryRequirements, QualificationDraft::setEntryRequirements);

        var type = new Select<QualificationType>();
        type.setLabel(getTranslation("curriculum.ui.type"));
        type.setId("type");
        type.setItems(QualificationType.values());
        type.setItemLabelGenerator(EnumLabels::of);
        type.setEmptySelectionAllowed(true);
        binder.forField(type).bind(QualificationDraft::getType, QualificationDraft::setType);

        var eqf = new IntegerField(getTranslation("curriculum.ui.eqf"));
        eqf.setId("eqf-level");
        eqf.setHelperText(getTranslation("curriculum.ui.eqf.help"));
        eqf.setStepButtonsVisible(true);
        binder.forField(eqf)
                .withValidator(v -> v == null || (v >= 1 && v <= 8), getTranslation("curriculum.ui.eqf.range"))
                .bind(QualificationDraft::getEqfLevel, QualificationDraft::setEqfLevel);

        var isced = new MultiSelectComboBox<String>(getTranslation("curriculum.ui.isced"));
        isced.setId("isced");
        isced.setItems(List.copyOf(IscedF.all().keySet()));
        isced.setItemLabelGenerator(code -> code + " " + IscedF.all().getOrDefault(code, ""));
        binder.forField(isced).bind(QualificationDraft::getIscedF, QualificationDraft::setIscedF);

        var ecosystem = new Select<Ecosystem>();
        ecosystem.setLabel(getTranslation("curriculum.ui.ecosystem"));
        ecosystem.setId("ecosystem");
        ecosystem.setItems(Ecosystem.values());
        ecosystem.setItemLabelGenerator(EnumLabels::of);
        ecosystem.setEmptySelectionAllowed(true);
        binder.forField(ecosystem).bind(QualificationDraft::getEcosystem, QualificationDraft::setEcosystem);

        var creditSystem = new Select<CreditSystem>();
        creditSystem.setLabel(getTranslation("curriculum.ui.creditSystem"));
        creditSystem.setId("credit-system");
        creditSystem.setItems(CreditSystem.values());
        creditSystem.setItemLabelGenerator(EnumLabels::of);
        creditSystem.setEmptySelectionAllowed(true);
        binder.forField(creditSystem).bind(QualificationDraft::getCreditSystem, QualificationDraft::setCreditSystem);

        var credits = new BigDecimalField(getTranslation("curriculum.ui.credits"));
        credits.setId("credits");
        binder.forField(credits)
                .withValidator(v -> v == null || (v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0),
                        getTranslation("curriculum.ui.credits.range"))
                .bind(QualificationDraft::getCredits, QualificationDraft::setCredits);

        fieldsByPath.put("title", title);
        fieldsByPath.put("description", description);
        fieldsByPath.put("entryRequirements", entry);
        fieldsByPath.put("type", type);
        fieldsByPath.put("eqfLevel", eqf);
        fieldsByPath.put("iscedF", isced);
        fieldsByPath.put("ecosystem", ecosystem);
        fieldsByPath.put("creditSystem", creditSystem);
        fieldsByPath.put("credits", credits);

        add(title, 2);
        add(type, eqf, ecosystem, isced, creditSystem, credits);
        add(description, 2);
        add(entry, 2);
        add(createNqfLevels(editable, onChange), 2);
        add(createBodies(editable, onChange), 2);
        add(createTargets(editable, onChange), 2);

        binder.readBean(draft);
        binder.setReadOnly(!editable);
        binder.addValueChangeListener(e -> {
            if (binder.writeBeanIfValid(this.draft)) {
                onChange.run();
            }
        });
    }

    /** Writes pending valid input; false (with messages shown at the fields) when some field is invalid. */
    boolean writeIfValid() {
        boolean valid = binder.writeBeanIfValid(draft);
        if (!valid) {
            binder.validate();
        }
        return valid;
    }

    /**
     * Shows server-side problems at their fields (the row fields of NQF levels, awarding bodies and targets included);
     * returns those that belong to no field of this form.
     */
    List<FieldProblem> showProblems(List<FieldProblem> problems) {
        var rest = new ArrayList<FieldProblem>();
        for (var problem : rowFields.mark(problems)) {
            String root = problem.field() == null ? "" : problem.field().split("[.\\[]", 2)[0];
            var field = fieldsByPath.get(root);
            if (field instanceof com.vaadin.flow.component.HasValidation validation) {
                validation.setErrorMessage(FieldPaths.sentence(problem.message(FieldPaths.locale())));
                validation.setInvalid(true);
            } else {
                rest.add(problem);
            }
        }
        return rest;
    }

    /** Adds a target occupation to the working copy, as if picked here. */
    void addTargetOccupation(String uri) {
        targets.add(uri);
    }

    /** Clears the marks of an earlier refused save. */
    void clearProblems() {
        rowFields.clear();
    }

    MultilingualField titleField() {
        return title;
    }

    private com.vaadin.flow.component.Component createNqfLevels(boolean editable, Runnable onChange) {
        var editor = new RowListEditor<>("nqf-levels", getTranslation("curriculum.ui.nqf.add"), draft.nqfLevels,
                NqfDraft::new, (row, changed) -> {
            var country = country(row.country, editable, v -> row.country = v, changed);
            var level = text(getTranslation("curriculum.ui.nqf.level"), row.level, "8em", editable, v -> row.level = v, changed);
            var uri = text(getTranslation("curriculum.ui.uri"), row.uri, "24em", editable, v -> row.uri = v, changed);
            uri.setMaxWidth("100%");
            String path = "nqfLevels[%d].";
            rowFields.register(() -> path.formatted(draft.nqfLevels.indexOf(row)) + "country", country);
            rowFields.register(() -> path.formatted(draft.nqfLevels.indexOf(row)) + "level", level);
            rowFields.register(() -> path.formatted(draft.nqfLevels.indexOf(row)) + "uri", uri);
            return wrapping(country, level, uri);
        }, onChange, editable);
        return section("curriculum.ui.nqf", editor);
    }

    private com.vaadin.flow.component.Component createBodies(boolean editable, Runnable onChange) {
        var editor = new RowListEditor<>("awarding-bodies", getTranslation("curriculum.ui.bodies.add"), draft.awardingBodies,
                BodyDraft::new, (row, changed) -> {
            var name = text(getTranslation("curriculum.ui.name"), row.name, "20em", editable, v -> row.name = v, changed);
            name.setMaxWidth("100%");
            var country = country(row.country, editable, v -> row.country = v, changed);
            var kind = new Select<OrganisationKind>();
            kind.setLabel(getTranslation("curriculum.ui.bodies.kind"));
            kind.setItems(OrganisationKind.values());
            kind.setItemLabelGenerator(EnumLabels::of);
            kind.setEmptySelectionAllowed(true);
            kind.setValue(row.kind);
            kind.setReadOnly(!editable);
            kind.addValueChangeListener(e -> {
                row.kind = e.getValue();
                changed.run();
            });
            String path = "awardingBodies[%d].";
            rowFields.register(() -> path.formatted(draft.awardingBodies.indexOf(row)) + "name", name);
            rowFields.register(() -> path.formatted(draft.awardingBodies.indexOf(row)) + "country", country);
            return wrapping(name, country, kind);
        }, onChange, editable);
        return section("curriculum.ui.bodies", editor);
    }

    private com.vaadin.flow.component.Component createTargets(boolean editable, Runnable onChange) {
        var picker = new OccupationPicker(draft.targetOccupations, occupations, editable, onChange);
        targets = picker;
        fieldsByPath.put("targetOccupations", picker);
        return section("curriculum.ui.targets", picker);
    }

    private com.vaadin.flow.component.combobox.ComboBox<String> country(String value, boolean editable,
                                                                         java.util.function.Consumer<String> setter,
                                                                         Runnable changed) {
        var country = Countries.field(getTranslation("curriculum.ui.country"), value, getLocale());
        country.setWidth("14em");
        country.setReadOnly(!editable);
        country.addValueChangeListener(e -> {
            setter.accept(e.getValue());
            country.setInvalid(false);
            changed.run();
        });
        return country;
    }

    /** Fields side by side while they fit, wrapping onto the next line on a narrow screen instead of running off. */
    static com.vaadin.flow.component.orderedlayout.FlexLayout wrapping(com.vaadin.flow.component.Component... fields) {
        var row = new com.vaadin.flow.component.orderedlayout.FlexLayout(fields);
        row.setFlexWrap(com.vaadin.flow.component.orderedlayout.FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "0 var(--lumo-space-m)");
        row.setWidthFull();
        row.setMinWidth("0");
        return row;
    }

    static TextField text(String label, String value, String width, boolean editable,
                          java.util.function.Consumer<String> setter, Runnable changed) {
        var field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setWidth(width);
        field.setReadOnly(!editable);
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.addValueChangeListener(e -> {
            setter.accept(e.getValue());
            changed.run();
        });
        return field;
    }

    private com.vaadin.flow.component.Component section(String key, com.vaadin.flow.component.Component content) {
        var layout = new com.vaadin.flow.component.orderedlayout.VerticalLayout(new H4(getTranslation(key)), content);
        layout.setPadding(false);
        return layout;
    }
}
