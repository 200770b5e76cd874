package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.VariantService;

/**
 * "The core profile changed since you derived this variant": shown above a national variant's editor while its core
 * has changes the partner has neither taken nor dismissed, with a dialog to decide unit by unit. Taking is a save of
 * the stored variant, so it waits until the designer's own unsaved edits are saved or discarded; dismissing changes
 * no content.
 */
class CoreChangesBanner extends HorizontalLayout {

    private final transient VariantService variants;
    private final String id;
    private final long version;
    private final boolean editable;
    private final BooleanSupplier dirty;
    private final transient Consumer<QualificationDocument> reload;
    private final Dialog dialog = new Dialog();
    private final Grid<VariantService.UnitChange> grid = new Grid<>();

    private CoreChangesBanner(VariantService variants, QualificationDocument variant, boolean editable,
                              VariantService.CoreChanges changes, BooleanSupplier dirty,
                              Consumer<QualificationDocument> reload) {
        this.variants = variants;
        this.id = variant.id();
        this.version = variant.version();
        this.editable = editable;
        this.dirty = dirty;
        this.reload = reload;
        setId("core-changes-banner");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        getElement().setAttribute("role", "status");
        getStyle().set("background", "var(--lumo-primary-color-10pct)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)");
        var text = new Span(getTranslation("curriculum.ui.coreChanges.banner", changes.units().size()));
        text.setId("core-changes-text");
        var review = new Button(getTranslation("curriculum.ui.coreChanges.review"), e -> dialog.open());
        review.setId("core-changes-review");
        review.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(text, review);
        createDialog(changes);
    }

    /** The banner for a variant whose core has undecided changes; empty for any other qualification. */
    static java.util.Optional<CoreChangesBanner> of(VariantService variants, QualificationDocument document,
                                                    boolean editable, BooleanSupplier dirty,
                                                    Consumer<QualificationDocument> reload) {
        if (document.derivedFrom() == null) {
            return java.util.Optional.empty();
        }
        VariantService.CoreChanges changes;
        try {
            changes = variants.coreChanges(document.id());
        } catch (ConflictException e) {
            return java.util.Optional.empty();
        }
        return changes.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new CoreChangesBanner(variants, document, editable, changes, dirty, reload));
    }

    private void createDialog(VariantService.CoreChanges changes) {
        dialog.setId("core-changes-dialog");
        dialog.setHeaderTitle(getTranslation("curriculum.ui.coreChanges.title"));
        dialog.setWidth("min(48rem, 95vw)");
        grid.setId("core-changes-grid");
        grid.addColumn(VariantService.UnitChange::code).setHeader(getTranslation("curriculum.ui.coreChanges.unit"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> getTranslation("curriculum.ui.coreChanges.change." + c.change().name()))
                .setHeader(getTranslation("curriculum.ui.coreChanges.change")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.fields().stream().map(f -> getTranslation("curriculum.ui.coreChanges.field." + f))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("curriculum.ui.coreChanges.fields"));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setItems(changes.units());
        grid.setAllRowsVisible(true);
        var intro = new Paragraph(getTranslation(editable ? "curriculum.ui.coreChanges.intro"
                : "curriculum.ui.coreChanges.readOnly"));
        dialog.add(intro, grid);
        var adopt = new Button(getTranslation("curriculum.ui.coreChanges.adopt"), e -> adopt());
        adopt.setId("core-changes-adopt");
        adopt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var dismiss = new Button(getTranslation("curriculum.ui.coreChanges.dismiss"), e -> dismiss());
        dismiss.setId("core-changes-dismiss");
        var close = new Button(getTranslation("curriculum.ui.close"), e -> dialog.close());
        close.setId("core-changes-close");
        adopt.setEnabled(editable);
        dismiss.setEnabled(editable);
        dialog.getFooter().add(close, dismiss, adopt);
    }

    private List<String> selected() {
        return grid.getSelectedItems().stream().map(VariantService.UnitChange::code).toList();
    }

    private void adopt() {
        if (selected().isEmpty()) {
            tell(getTranslation("curriculum.ui.coreChanges.choose"), false);
            return;
        }
        if (dirty.getAsBoolean()) {
            tell(getTranslation("curriculum.ui.coreChanges.unsaved"), false);
            return;
        }
        try {
            var saved = variants.adopt(id, selected(), version, CurrentUser.name());
            dialog.close();
            tell(getTranslation("curriculum.ui.coreChanges.adopted", String.join(", ", selected())), true);
            reload.accept(saved);
        } catch (ConflictException e) {
            tell(org.qualigraph.base.Refusals.inWords(e, getLocale()), false);
        } catch (BadInputException e) {
            tell(e.problems().stream().map(p -> p.message(getLocale())).collect(Collectors.joining("; ")), false);
        }
    }

    private void dismiss() {
        if (selected().isEmpty()) {
            tell(getTranslation("curriculum.ui.coreChanges.choose"), false);
            return;
        }
        try {
            String codes = String.join(", ", selected());
            variants.dismiss(id, selected(), version, CurrentUser.name());
            dialog.close();
            tell(getTranslation("curriculum.ui.coreChanges.dismissed", codes), true);
            reload.accept(null);
        } catch (ConflictException e) {
            tell(org.qualigraph.base.Refusals.inWords(e, getLocale()), false);
        } catch (BadInputException e) {
            tell(e.problems().stream().map(p -> p.message(getLocale())).collect(Collectors.joining("; ")), false);
        }
    }

    private static void tell(String text, boolean success) {
        var notification = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        notification.setId("core-changes-notice");
        notification.addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
    }

    Dialog dialog() {
        return dialog;
    }

    Grid<VariantService.UnitChange> grid() {
        return grid;
    }
}
