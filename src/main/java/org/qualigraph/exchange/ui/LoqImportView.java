package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.MainLayout;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.elm.LoqImportService;
import org.springframework.security.core.context.SecurityContextHolder;

/** Upload of a Europass LOQ XML file, a preview of what it creates, and the import after confirmation. */
@Route(value = "import", layout = MainLayout.class)
@Menu(title = "menu.import", order = 30, icon = "vaadin:upload")
@RolesAllowed("DESIGNER")
class LoqImportView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    private final LoqImportService imports;
    private final Grid<QualificationDocument> preview = new Grid<>();
    private final Paragraph status = new Paragraph();
    private final UnorderedList notes = new UnorderedList();
    private final Button confirm = new Button();
    private byte[] pending;

    LoqImportView(LoqImportService imports) {
        this.imports = imports;
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")), createUpload(),
                status, createPreview(), notes, createConfirm());
        status.setId("import-status");
        notes.setId("import-notes");
    }

    private Upload createUpload() {
        var upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> received(data));
            } else {
                received(data);
            }
        }));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes("application/xml", "text/xml", ".xml");
        upload.setMaxFileSize(20 * 1024 * 1024);
        return upload;
    }

    private Grid<QualificationDocument> createPreview() {
        preview.setId("import-preview");
        preview.addColumn(QualificationDocument::displayTitle).setHeader(getTranslation("import.column.title")).setFlexGrow(3);
        preview.addColumn(d -> d.eqfLevel() == null ? "" : "EQF " + d.eqfLevel()).setHeader(getTranslation("import.column.eqf"));
        preview.addColumn(d -> d.nqfLevels().stream().map(n -> n.country() + " " + n.level()).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("import.column.nqf"));
        preview.addColumn(d -> d.units().size()).setHeader(getTranslation("import.column.units"));
        preview.addColumn(d -> d.units().stream().mapToInt(u -> u.outcomes().size()).sum()).setHeader(getTranslation("import.column.outcomes"));
        preview.setAllRowsVisible(true);
        preview.setVisible(false);
        return preview;
    }

    private Button createConfirm() {
        confirm.setText(getTranslation("import.confirm"));
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> confirmImport());
        return confirm;
    }

    /** Reads an uploaded file and shows what it would create; package-visible for view tests. */
    void received(byte[] data) {
        pending = null;
        notes.removeAll();
        confirm.setEnabled(false);
        preview.setVisible(false);
        try {
            var result = imports.preview(data);
            pending = data;
            preview.setItems(result.documents());
            preview.setVisible(true);
            result.notes().forEach(n -> notes.add(new ListItem(n)));
            status.setText(getTranslation("import.preview", result.documents().size()));
            confirm.setEnabled(true);
        } catch (BadInputException e) {
            status.setText(getTranslation("import.rejected") + " " + e.problems().stream()
                    .map(p -> p.message(getLocale())).collect(Collectors.joining("; ")));
        }
    }

    private void confirmImport() {
        if (pending == null) {
            return;
        }
        try {
            String user = SecurityContextHolder.getContext().getAuthentication().getName();
            var created = imports.importFile(pending, user);
            pending = null;
            confirm.setEnabled(false);
            status.setText(getTranslation("import.done", created.size()));
            Notification.show(getTranslation("import.done", created.size()));
        } catch (BadInputException e) {
            status.setText(getTranslation("import.rejected") + " " + e.problems().stream()
                    .map(p -> p.message(getLocale())).collect(Collectors.joining("; ")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.import");
    }
}
