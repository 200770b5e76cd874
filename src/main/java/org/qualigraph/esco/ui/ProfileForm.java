package org.qualigraph.esco.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.qualigraph.esco.EscoBrowser;
import org.qualigraph.esco.OccupationalProfile;

/**
 * Edits one occupational profile in a buffered binder: nothing reaches the shown profile until {@link #write()}
 * succeeds, so cancelling leaves the loaded data untouched. ESCO occupations and skills are chosen by typing (label
 * search); local skills are added by label and always shown as "local, not ESCO".
 */
class ProfileForm extends FormLayout {

    /** The mutable editing copy the binder works on. */
    static class Draft {
        String name = "";
        String description = "";
        Set<EscoBrowser.OccupationRef> basedOn = new LinkedHashSet<>();
        Set<EscoBrowser.SkillRef> addedEssential = new LinkedHashSet<>();
        Set<EscoBrowser.SkillRef> addedOptional = new LinkedHashSet<>();
        Set<EscoBrowser.SkillRef> removed = new LinkedHashSet<>();
    }

    private final EscoBrowser browser;
    private final Binder<Draft> binder = new Binder<>();
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final MultiSelectComboBox<EscoBrowser.OccupationRef> basedOn = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<EscoBrowser.SkillRef> addedEssential = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<EscoBrowser.SkillRef> addedOptional = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<EscoBrowser.SkillRef> removed = new MultiSelectComboBox<>();
    private final Grid<OccupationalProfile.LocalSkill> localGrid = new Grid<>();
    private final TextField localLabel = new TextField();
    private final TextField localDescription = new TextField();
    private final Select<String> localType = new Select<>();
    private final List<OccupationalProfile.LocalSkill> local = new ArrayList<>();
    private OccupationalProfile loaded;

    ProfileForm(EscoBrowser browser) {
        this.browser = browser;
        setId("profile-form");
        name.setId("profile-name");
        description.setId("profile-description");
        basedOn.setId("profile-based-on");
        addedEssential.setId("profile-added-essential");
        addedOptional.setId("profile-added-optional");
        removed.setId("profile-removed");
        basedOn.setItems(query -> browser.searchOccupations(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()));
        basedOn.setItemLabelGenerator(o -> o.label() == null ? o.uri()
                : o.iscoGroup() == null ? o.label() : o.label() + " (ISCO " + o.iscoGroup() + ")");
        Stream.of(addedEssential, addedOptional, removed).forEach(box -> {
            box.setItems(query -> browser.searchSkills(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                    .stream().skip(query.getOffset()));
            box.setItemLabelGenerator(s -> s.label() == null ? s.uri() : s.label());
        });
        binder.forField(name).asRequired(getTranslation("profiles.name"))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(description).bind(d -> d.description, (d, v) -> d.description = v);
        binder.forField(basedOn).asRequired(getTranslation("profiles.basedon"))
                .bind(d -> d.basedOn, (d, v) -> d.basedOn = new LinkedHashSet<>(v));
        binder.forField(addedEssential).bind(d -> d.addedEssential, (d, v) -> d.addedEssential = new LinkedHashSet<>(v));
        binder.forField(addedOptional).bind(d -> d.addedOptional, (d, v) -> d.addedOptional = new LinkedHashSet<>(v));
        binder.forField(removed).bind(d -> d.removed, (d, v) -> d.removed = new LinkedHashSet<>(v));
        name.setLabel(getTranslation("profiles.name"));
        description.setLabel(getTranslation("profiles.description"));
        basedOn.setLabel(getTranslation("profiles.basedon"));
        addedEssential.setLabel(getTranslation("profiles.added.essential"));
        addedOptional.setLabel(getTranslation("profiles.added.optional"));
        removed.setLabel(getTranslation("profiles.removed"));
        add(name, description, basedOn, addedEssential, addedOptional, removed);
        add(createLocalSkills(), 2);
    }

    private com.vaadin.flow.component.Component createLocalSkills() {
        localGrid.setId("profile-local-skills");
        localGrid.addComponentColumn(l -> {
            var badge = new Span(getTranslation("gap.local"));
            badge.getElement().getThemeList().add("badge contrast small");
            return new HorizontalLayout(new Span(l.label()), badge);
        }).setHeader(getTranslation("profiles.local")).setFlexGrow(2);
        localGrid.addColumn(OccupationalProfile.LocalSkill::description).setHeader(getTranslation("profiles.local.description"));
        localGrid.addColumn(l -> org.qualigraph.base.EscoTerms.relationType(l.type(), getLocale())).setHeader(getTranslation("profiles.local.type"));
        localGrid.addComponentColumn(l -> {
            var remove = new Button(getTranslation("profiles.local.remove"), e -> {
                local.remove(l);
                localGrid.setItems(local);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return remove;
        });
        localGrid.setAllRowsVisible(true);
        localLabel.setId("profile-local-label");
        localLabel.setLabel(getTranslation("profiles.local.label"));
        localDescription.setId("profile-local-description");
        localDescription.setLabel(getTranslation("profiles.local.description"));
        localType.setId("profile-local-type");
        localType.setLabel(getTranslation("profiles.local.type"));
        localType.setItems("essential", "optional");
        localType.setItemLabelGenerator(t -> org.qualigraph.base.EscoTerms.relationType(t, getLocale()));
        localType.setValue("essential");
        var add = new Button(getTranslation("profiles.local.add"), e -> {
            if (!localLabel.getValue().isBlank()) {
                local.add(new OccupationalProfile.LocalSkill(null, null, localLabel.getValue().strip(),
                        localDescription.getValue().strip(), localType.getValue()));
                localGrid.setItems(local);
                localLabel.clear();
                localDescription.clear();
            }
        });
        add.setId("profile-local-add");
        var row = new HorizontalLayout(localLabel, localDescription, localType, add);
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        var layout = new com.vaadin.flow.component.orderedlayout.VerticalLayout(localGrid, row);
        layout.setPadding(false);
        return layout;
    }

    /** Shows a profile (or an empty one when {@code null}) for editing. */
    void read(OccupationalProfile profile) {
        loaded = profile;
        var draft = new Draft();
        local.clear();
        if (profile != null) {
            draft.name = profile.name();
            draft.description = profile.description() == null ? "" : profile.description();
            var labels = browser.occupationLabels(profile.basedOn());
            profile.basedOn().forEach(uri -> draft.basedOn.add(new EscoBrowser.OccupationRef(uri, labels.getOrDefault(uri, uri), null)));
            var refs = browser.skillRefs(Stream.concat(profile.addedSkills().stream().map(OccupationalProfile.AddedSkill::uri),
                    profile.removedSkills().stream()).toList());
            for (var added : profile.addedSkills()) {
                refs.stream().filter(r -> r.uri().equals(added.uri())).findFirst().ifPresent(r ->
                        ("essential".equals(added.type()) ? draft.addedEssential : draft.addedOptional).add(r));
            }
            refs.stream().filter(r -> profile.removedSkills().contains(r.uri())).forEach(draft.removed::add);
            local.addAll(profile.localSkills());
        }
        localGrid.setItems(local);
        binder.readBean(draft);
    }

    /** The edited profile, or empty when a field is invalid (the fields then show why). */
    Optional<OccupationalProfile> write() {
        var draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return Optional.empty();
        }
        var added = new ArrayList<OccupationalProfile.AddedSkill>();
        draft.addedEssential.forEach(s -> added.add(new OccupationalProfile.AddedSkill(s.uri(), "essential", null)));
        draft.addedOptional.stream().filter(s -> !draft.addedEssential.contains(s))
                .forEach(s -> added.add(new OccupationalProfile.AddedSkill(s.uri(), "optional", null)));
        return Optional.of(new OccupationalProfile(loaded == null ? null : loaded.id(), draft.name, draft.description,
                draft.basedOn.stream().map(EscoBrowser.OccupationRef::uri).toList(), added,
                draft.removed.stream().map(EscoBrowser.SkillRef::uri).toList(), List.copyOf(local),
                loaded == null ? null : loaded.version()));
    }

    Optional<OccupationalProfile> loaded() {
        return Optional.ofNullable(loaded);
    }
}
