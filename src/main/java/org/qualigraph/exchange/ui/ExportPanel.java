package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FailureId;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.base.Refusals;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.CsvImportPreview;
import org.qualigraph.exchange.CsvImportService;
import org.qualigraph.exchange.DocumentLanguages;
import org.qualigraph.exchange.ExportFiles;
import org.qualigraph.exchange.Exporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The content of the editor's Export tab. Small formats are generated when the link is followed; PDF and Word documents
 * of a large curriculum take seconds, so they are generated on a worker thread with a progress bar and offered as a
 * download when ready (the UI is updated through server push).
 */
class ExportPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ExportPanel.class);

    /** Formats rendered page by page: generated in the background before the download is offered. */
    static final Set<String> LARGE_FORMATS = Set.of("pdf", "docx");

    private final EditorContext context;
    private final CsvImportService csvImport;
    private final AsyncTaskExecutor executor;
    private final ComboBox<String> language = new ComboBox<>();
    private final VerticalLayout formats = new VerticalLayout();
    private final Div csvResult = new Div();
    private String pendingCsv;

    /** The edition of the open qualification (revision n or a draft of it), which names the downloaded files. */
    private final transient java.util.function.Supplier<org.qualigraph.curriculum.Edition> edition;

    /** The Europass files: offered here unchecked, and marked so; the Submit tab offers them checked. */
    static final Set<String> EUROPASS_FORMATS = Set.of("loq-xml", "elm-jsonld", "elm-turtle");

    ExportPanel(EditorContext context, List<Exporter> exporters, CsvImportService csvImport, AsyncTaskExecutor executor,
                java.util.function.Supplier<org.qualigraph.curriculum.Edition> edition,
                org.qualigraph.curriculum.PersistentIdentifiers identifiers) {
        this.edition = edition;
        this.context = context;
        this.csvImport = csvImport;
        this.executor = executor;
        setId("export-panel");
        setPadding(false);
        add(new H3(getTranslation("exchange.export.heading")));
        if (identifiers != null) {
            add(createGuide(identifiers));
        }
        add(createLanguageChoice());
        formats.setPadding(false);
        formats.setSpacing(false);
        exporters.forEach(exporter -> formats.add(createFormatRow(exporter)));
        add(formats);
        if (context.editable()) {
            add(new H3(getTranslation("exchange.csv.heading")), new Paragraph(getTranslation("exchange.csv.explain")),
                    createUpload(), csvResult);
        }
    }

    /** Which file goes where, in the words of the people who send them. */
    private Div createGuide(org.qualigraph.curriculum.PersistentIdentifiers identifiers) {
        var guide = new Div();
        guide.setId("export-guide");
        var list = new UnorderedList();
        list.add(new ListItem(getTranslation("exchange.export.where.qdr", identifiers.url("/register/loq.xml"))));
        list.add(new ListItem(getTranslation("exchange.export.where.national")));
        list.add(new ListItem(getTranslation("exchange.export.where.partners")));
        guide.add(new Paragraph(getTranslation("exchange.export.where")), list);
        QualificationDocument doc = context.currentDocument();
        identifiers.of(doc).ifPresent(uri -> {
            var link = new Anchor(uri, uri);
            link.setId("export-public-identifier");
            link.setTarget("_blank");
            guide.add(new Paragraph(new Span(getTranslation("exchange.export.public") + " "), link));
        });
        return guide;
    }

    /**
     * The qualification's content languages and every interface language, each by its own name; the user's interface
     * language is chosen first when the qualification offers it.
     */
    private ComboBox<String> createLanguageChoice() {
        QualificationDocument doc = context.currentDocument();
        var languages = DocumentLanguages.offered(doc);
        language.setId("export-language");
        language.setLabel(getTranslation("exchange.export.language"));
        language.setItems(languages);
        language.setItemLabelGenerator(DocumentLanguages::ownName);
        String own = getLocale() == null ? "en" : getLocale().getLanguage();
        language.setValue(languages.contains(own) ? own : "en");
        language.setAllowCustomValue(false);
        return language;
    }

    private HorizontalLayout createFormatRow(Exporter exporter) {
        var row = new HorizontalLayout();
        row.setId("export-" + exporter.format());
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        var label = new Span(exporter.label());
        label.setWidth("22em");
        row.add(label);
        if (LARGE_FORMATS.contains(exporter.format())) {
            var generate = new Button(getTranslation("exchange.export.generate"));
            generate.setId("generate-" + exporter.format());
            var slot = new Div();
            generate.addClickListener(e -> generateInBackground(exporter, generate, slot));
            row.add(generate, slot);
        } else {
            var link = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = export(exporter, context.currentDocument(), currentLanguage());
                return new DownloadResponse(new ByteArrayInputStream(bytes), ExportFiles.fileName(context.currentDocument(),
                        edition.get(), exporter), exporter.mediaType(), bytes.length);
            }), getTranslation("exchange.export.download"));
            link.setId("download-" + exporter.format());
            link.getElement().setAttribute("download", true);
            row.add(link);
            if (EUROPASS_FORMATS.contains(exporter.format())) {
                var unchecked = new Span(getTranslation("exchange.export.notChecked"));
                unchecked.setId("not-checked-" + exporter.format());
                unchecked.getElement().setAttribute("title", getTranslation("exchange.export.notChecked.help"));
                unchecked.getStyle().set("color", "var(--lumo-secondary-text-color)");
                row.add(unchecked);
            }
        }
        return row;
    }

    private void generateInBackground(Exporter exporter, Button generate, Div slot) {
        UI ui = UI.getCurrent();
        QualificationDocument doc = context.currentDocument();
        var docEdition = edition.get();
        String lang = currentLanguage();
        var progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setWidth("10em");
        generate.setEnabled(false);
        slot.removeAll();
        slot.add(progress, new Span(" " + getTranslation("exchange.export.generating")));
        var securityContext = SecurityContextHolder.getContext();
        CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(securityContext);
            try {
                return export(exporter, doc, lang);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, executor).whenComplete((bytes, failure) -> ui.access(() -> {
            generate.setEnabled(true);
            slot.removeAll();
            if (failure != null) {
                var error = new Span(explain(failure));
                error.addClassName("error");
                slot.add(error);
                return;
            }
            String name = ExportFiles.fileName(doc, docEdition, exporter);
            var link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(bytes), name, exporter.mediaType(), bytes.length)),
                    getTranslation("exchange.export.ready", name, bytes.length / 1024 + 1));
            link.setId("download-" + exporter.format());
            link.getElement().setAttribute("download", true);
            slot.add(link);
        }));
    }

    private Upload createUpload() {
        var buffer = new MemoryBuffer();
        var upload = new Upload(buffer);
        upload.setId("csv-upload");
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setMaxFileSize(CsvImportService.MAX_CHARS);
        upload.addSucceededListener(e -> readUpload(e.getFileName(), buffer::getInputStream));
        upload.addFileRejectedListener(e -> showErrors(List.of(getTranslation("exchange.csv.rejected",
                e.getFileName() == null ? "" : e.getFileName(), CsvImportService.MAX_CHARS / 1_000_000))));
        return upload;
    }

    /** The stream of an uploaded file, which may fail while it is read. */
    interface UploadedFile {
        InputStream open() throws IOException;
    }

    /** Reads an uploaded CSV file and previews it; a file that cannot be read is named, its detail goes to the log. */
    void readUpload(String fileName, UploadedFile file) {
        try (InputStream in = file.open()) {
            showPreview(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException ex) {
            log.warn("The uploaded file {} could not be read: {}", fileName, ex.getMessage());
            showErrors(List.of(getTranslation("exchange.csv.unreadable", fileName == null ? "" : fileName)));
        }
    }

    /** Shows what the CSV would change, with a button to apply it; or every problem with its line and column. */
    void showPreview(String csv) {
        csvResult.removeAll();
        pendingCsv = null;
        CsvImportPreview preview;
        try {
            preview = csvImport.preview(context.qualificationId(), csv);
        } catch (BadInputException e) {
            showErrors(e.problems().stream().map(p -> p.inWords(getLocale())).toList());
            return;
        } catch (ConflictException e) {
            showErrors(List.of(e.message(getLocale())));
            return;
        }
        pendingCsv = csv;
        var summary = new Div();
        summary.setId("csv-preview");
        if (preview.isEmpty()) {
            summary.add(new Paragraph(getTranslation("exchange.csv.noChanges")));
        }
        section(summary, "exchange.csv.unitsAdded", preview.unitsAdded());
        section(summary, "exchange.csv.unitsChanged", preview.unitsChanged());
        section(summary, "exchange.csv.unitsRemoved", preview.unitsRemoved());
        section(summary, "exchange.csv.outcomesAdded", preview.outcomesAdded());
        section(summary, "exchange.csv.outcomesChanged", preview.outcomesChanged());
        section(summary, "exchange.csv.outcomesRemoved", preview.outcomesRemoved());
        var apply = new Button(getTranslation("exchange.csv.apply"), e -> applyCsv());
        apply.setId("csv-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(!preview.isEmpty());
        var cancel = new Button(getTranslation("exchange.csv.cancel"), e -> {
            pendingCsv = null;
            csvResult.removeAll();
        });
        csvResult.add(summary, new HorizontalLayout(apply, cancel));
    }

    private void applyCsv() {
        if (pendingCsv == null) {
            return;
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String user = auth == null ? "unknown" : auth.getName();
        try {
            csvImport.apply(context.qualificationId(), pendingCsv, context.currentDocument().version(), user);
            pendingCsv = null;
            csvResult.removeAll();
            context.reload();
            Notification.show(getTranslation("exchange.csv.applied")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (BadInputException e) {
            showErrors(e.problems().stream().map(p -> p.inWords(getLocale())).toList());
        } catch (ConflictException e) {
            showErrors(List.of(e.message(getLocale())));
        }
    }

    private void showErrors(List<String> problems) {
        csvResult.removeAll();
        var box = new Div();
        box.setId("csv-errors");
        box.add(new Paragraph(getTranslation("exchange.csv.errors")));
        var list = new UnorderedList();
        problems.forEach(p -> list.add(new ListItem(p)));
        box.add(list);
        csvResult.add(box);
    }

    private void section(Div into, String key, List<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        into.add(new Paragraph(getTranslation(key, codes.size()) + ": " + String.join(", ", codes)));
    }

    private String currentLanguage() {
        return language.getValue() == null ? "en" : language.getValue();
    }

    static byte[] export(Exporter exporter, QualificationDocument doc, String language) {
        var out = new ByteArrayOutputStream();
        try {
            exporter.write(doc, language, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Refused input names its problem; anything else is logged with an id and shown as a plain message with that id. */
    String explain(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (t instanceof BadInputException || t instanceof ConflictException || t instanceof NotFoundException) {
            return getTranslation("exchange.export.failed", Refusals.inWords((RuntimeException) t, getLocale()));
        }
        return getTranslation("exchange.export.failedUnexpectedly", FailureId.report(log, "exporting", t));
    }

    List<String> formatIds() {
        var ids = new ArrayList<String>();
        formats.getChildren().forEach(c -> c.getId().ifPresent(ids::add));
        return ids;
    }
}
