package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.curriculum.Texts;

/**
 * The units tab: the ordered units on the left (move, add, remove, reuse from another qualification) and the
 * selected unit's details on the right.
 */
class UnitsPanel extends SplitLayout {

    private transient java.util.function.Function<UnitDraft, java.util.Optional<com.vaadin.flow.component.Component>> annotations;

    private final QualificationService service;
    private final QualificationDraft draft;
    private final boolean editable;
    private final SkillCatalog catalog;
    private final Supplier<QualificationDocument> document;
    private final Map<String, List<QualificationSummary>> shared;
    private final Runnable onChange;
    private final Grid<UnitDraft> grid = new Grid<>();
    private final Div detailsArea = new Div();
    private UnitDetails details;
    private UnitDraft dragged;

    UnitsPanel(QualificationService service, QualificationDraft draft, boolean editable, SkillCatalog catalog,
               Supplier<QualificationDocument> document, Map<String, List<QualificationSummary>> shared, Runnable onChange) {
        this.service = service;
        this.draft = draft;
        this.editable = editable;
        this.catalog = catalog;
        this.document = document;
        this.shared = shared;
        this.onChange = onChange;
        setId("units-panel");
        setSizeFull();
        setSplitterPosition(38);
        addToPrimary(createList());
        detailsArea.setWidthFull();
        detailsArea.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToSecondary(detailsArea);
        refreshGrid();
        if (!draft.units.isEmpty()) {
            grid.select(draft.units.get(0));
        } else {
            showDetails(null);
        }
    }

    private VerticalLayout createList() {
        grid.setId("unit-grid");
        grid.addColumn(u -> u.code).setHeader(getTranslation("curriculum.ui.code")).setAutoWidth(true);
        // full titles: long ones wrap onto more lines, and the column can be widened
        // a minimum width keeps a long title from wrapping word by word in the narrow list
        String language = getLocale().getLanguage();
        grid.addColumn(u -> Texts.in(u.title, language)).setHeader(getTranslation("curriculum.ui.title")).setFlexGrow(2)
                .setWidth("12em").setResizable(true).setTooltipGenerator(u -> Texts.in(u.title, language));
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(u -> u.mandatory ? getTranslation("curriculum.ui.mandatory.short") : getTranslation("curriculum.ui.elective.short"))
                .setHeader(getTranslation("curriculum.ui.mandatory")).setAutoWidth(true);
        grid.addComponentColumn(u -> u.id != null && shared.containsKey(u.id) ? sharedBadge() : new Span())
                .setAutoWidth(true);
        grid.setHeight("28em");
        grid.addSelectionListener(e -> showDetails(e.getFirstSelectedItem().orElse(null)));
        if (editable) {
            enableDragAndDrop();
        }
        var layout = new VerticalLayout(grid);
        layout.setPadding(false);
        if (editable) {
            var add = button("add-unit", VaadinIcon.PLUS, "curriculum.ui.unit.add", e -> addUnit());
            var up = button("unit-up", VaadinIcon.ARROW_UP, "curriculum.ui.unit.up", e -> move(-1));
            var down = button("unit-down", VaadinIcon.ARROW_DOWN, "curriculum.ui.unit.down", e -> move(1));
            var remove = button("remove-unit", VaadinIcon.TRASH, "curriculum.ui.unit.remove", e -> removeUnit());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            var reuse = button("reuse-unit", VaadinIcon.LINK, "curriculum.ui.unit.reuse", e -> openReuse());
            var tools = new HorizontalLayout(add, up, down, remove);
            tools.setSpacing(false);
            layout.add(tools, reuse);
            if (catalog != null) {
                var map = button("map-skills", VaadinIcon.LIGHTBULB, "curriculum.ui.mapSkills.open", e -> openMapSkills());
                map.setText(getTranslation("curriculum.ui.mapSkills.open"));
                layout.add(map);
            }
        }
        return layout;
    }

    private Span sharedBadge() {
        var badge = new Span(getTranslation("curriculum.ui.unit.sharedBadge"));
        badge.getElement().getThemeList().add("badge contrast small");
        return badge;
    }

    private Button button(String id, VaadinIcon icon, String key, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<Button>> listener) {
        var button = new Button(icon.create(), listener);
        button.setId(id);
        button.setTooltipText(getTranslation(key));
        button.setAriaLabel(getTranslation(key));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (id.equals("add-unit") || id.equals("reuse-unit")) {
            button.setText(getTranslation(key));
        }
        return button;
    }

    private void addUnit() {
        var unit = new UnitDraft();
        var codes = new HashSet<String>();
        draft.units.forEach(u -> codes.add(u.code));
        int n = draft.units.size() + 1;
        while (codes.contains("U" + n)) {
            n++;
        }
        unit.code = "U" + n;
        unit.title.put("en", "");
        unit.eqfLevel = draft.eqfLevel;
        draft.units.add(unit);
        refreshGrid();
        grid.select(unit);
        onChange.run();
    }

    private void removeUnit() {
        selected().ifPresent(unit -> {
            draft.units.remove(unit);
            draft.units.forEach(u -> u.prerequisites.remove(unit.code));
            refreshGrid();
            if (draft.units.isEmpty()) {
                showDetails(null);
            } else {
                grid.select(draft.units.get(0));
            }
            onChange.run();
        });
    }

    private void move(int delta) {
        selected().ifPresent(unit -> {
            int from = draft.units.indexOf(unit);
            int to = from + delta;
            if (to >= 0 && to < draft.units.size()) {
                draft.units.add(to, draft.units.remove(from));
                refreshGrid();
                grid.select(unit);
                onChange.run();
            }
        });
    }

    /** Units are put in order by dragging a row above or below another (the arrow buttons do the same by keyboard). */
    private void enableDragAndDrop() {
        grid.setRowsDraggable(true);
        grid.setDropMode(com.vaadin.flow.component.grid.dnd.GridDropMode.BETWEEN);
        grid.addDragStartListener(e -> dragged = e.getDraggedItems().isEmpty() ? null : e.getDraggedItems().get(0));
        grid.addDragEndListener(e -> dragged = null);
        grid.addDropListener(e -> e.getDropTargetItem().ifPresent(target -> {
            if (dragged != null) {
                moveUnit(dragged, target, e.getDropLocation() == com.vaadin.flow.component.grid.dnd.GridDropLocation.BELOW);
            }
        }));
    }

    /** Moves a unit next to another one (before it, or after it when {@code after}); the order is the list's. */
    void moveUnit(UnitDraft unit, UnitDraft target, boolean after) {
        if (unit == target || !draft.units.contains(unit) || !draft.units.contains(target)) {
            return;
        }
        draft.units.remove(unit);
        int index = draft.units.indexOf(target) + (after ? 1 : 0);
        draft.units.add(index, unit);
        refreshGrid();
        grid.select(unit);
        onChange.run();
    }

    private void openReuse() {
        Set<String> held = new HashSet<>();
        draft.units.stream().filter(u -> u.id != null).forEach(u -> held.add(u.id));
        new ReuseUnitDialog(service, draft.id, held, match -> {
            var unit = DraftMapper.reused(match.unit());
            if (draft.unit(unit.code).isPresent()) {
                com.vaadin.flow.component.notification.Notification.show(
                        getTranslation("curriculum.ui.reuse.codeTaken", unit.code), 6000,
                        com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
                return;
            }
            draft.units.add(unit);
            shared.put(unit.id, List.of(match.qualification()));
            refreshGrid();
            grid.select(unit);
            onChange.run();
        }).open();
    }

    private java.util.Optional<UnitDraft> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    void refreshGrid() {
        grid.setItems(draft.units);
    }

    String selectedCode() {
        return selected().map(u -> u.code).orElse(null);
    }

    /** Selects a unit by code; false when there is none. */
    boolean select(String code) {
        return draft.unit(code).map(unit -> {
            grid.select(unit);
            return true;
        }).orElse(false);
    }

    void focusOutcome(String code) {
        draft.unitOfOutcome(code).ifPresent(unit -> {
            grid.select(unit);
            details.focusOutcome(code);
        });
    }

    private void openMapSkills() {
        if (details != null) {
            details.writeIfValid();
        }
        new MapSkillsDialog(draft, catalog, () -> {
            refreshSelected();
            onChange.run();
        }).open();
    }

    /** Shows the selected unit again, after its outcomes were changed from elsewhere (e.g. skills added). */
    void refreshSelected() {
        if (details != null) {
            details.writeIfValid();
        }
        showDetails(selected().orElse(null));
    }

    /** Writes the selected unit's pending valid input; false when some field is invalid. */
    boolean writeIfValid() {
        return details == null || details.writeIfValid();
    }

    private void showDetails(UnitDraft unit) {
        detailsArea.removeAll();
        details = null;
        if (unit == null) {
            detailsArea.add(new Span(getTranslation("curriculum.ui.unit.none")));
            return;
        }
        List<String> otherCodes = draft.units.stream().filter(u -> u != unit && u.code != null).map(u -> u.code).toList();
        details = new UnitDetails(unit, otherCodes, unit.id == null ? List.of() : shared.getOrDefault(unit.id, List.of()),
                editable, catalog, document, this::takenCodes, () -> {
            grid.getDataProvider().refreshItem(unit);
            onChange.run();
        });
        if (annotations != null && unit.code != null) {
            annotations.apply(unit).ifPresent(note -> details.addComponentAtIndex(0, note));
        }
        detailsArea.add(details);
    }

    /** What other features show at the top of the selected unit (e.g. review comments on it and its outcomes). */
    void setAnnotations(java.util.function.Function<UnitDraft, java.util.Optional<com.vaadin.flow.component.Component>> annotations) {
        this.annotations = annotations;
        if (details != null) {
            showDetails(selected().orElse(null));
        }
    }

    private Set<String> takenCodes() {
        var codes = new HashSet<String>();
        draft.units.forEach(u -> {
            u.outcomes.forEach(o -> codes.add(o.code));
            u.periods.forEach(p -> codes.add(p.code));
            u.assessments.forEach(a -> codes.add(a.code));
        });
        return codes;
    }
}
