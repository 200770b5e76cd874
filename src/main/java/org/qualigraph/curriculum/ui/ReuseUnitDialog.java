package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Set;
import java.util.function.Consumer;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.Texts;
import org.qualigraph.curriculum.UnitMatch;

/**
 * Finds units of other qualifications by code or title. Choosing one adds the very same unit (same id) to this
 * qualification, so both share it from the next save on.
 */
class ReuseUnitDialog extends Dialog {

    private static final int LIMIT = 50;

    ReuseUnitDialog(QualificationService service, String qualificationId, Set<String> unitIdsHeld,
                    Consumer<UnitMatch> onChoose) {
        setHeaderTitle(getTranslation("curriculum.ui.reuse.title"));
        setId("reuse-dialog");
        setWidth("min(64em, 95vw)");
        var search = new TextField();
        search.setId("reuse-search");
        search.setPlaceholder(getTranslation("curriculum.ui.reuse.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        var grid = new Grid<UnitMatch>();
        grid.setId("reuse-grid");
        grid.addColumn(m -> m.unit().code()).setHeader(getTranslation("curriculum.ui.code")).setAutoWidth(true);
        // whole titles, wrapped and in the tooltip: units and qualifications of a core and its variants share words
        String language = getLocale().getLanguage();
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(m -> Texts.in(m.unit().title(), language)).setHeader(getTranslation("curriculum.ui.title"))
                .setFlexGrow(2).setTooltipGenerator(m -> Texts.in(m.unit().title(), language));
        grid.addColumn(m -> Texts.in(m.qualification().title(), language))
                .setHeader(getTranslation("curriculum.ui.reuse.qualification")).setFlexGrow(2)
                .setTooltipGenerator(m -> Texts.in(m.qualification().title(), language));
        grid.addColumn(m -> m.unit().outcomes().size()).setHeader(getTranslation("curriculum.ui.outcomes")).setAutoWidth(true);
        Runnable load = () -> grid.setItems(service.findUnits(search.getValue(), qualificationId, LIMIT).stream()
                .filter(m -> !unitIdsHeld.contains(m.unit().id())).toList());
        search.addValueChangeListener(e -> load.run());
        load.run();
        var choose = new Button(getTranslation("curriculum.ui.reuse.add"), e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(match -> {
                    close();
                    onChoose.accept(match);
                }));
        choose.setId("reuse-add");
        choose.setEnabled(false);
        grid.addSelectionListener(e -> choose.setEnabled(e.getFirstSelectedItem().isPresent()));
        add(search, grid);
        getFooter().add(new Button(getTranslation("curriculum.ui.cancel"), e -> close()), choose);
    }
}
