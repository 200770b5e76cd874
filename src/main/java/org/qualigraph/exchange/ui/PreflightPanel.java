package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.qualigraph.base.FailureId;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.elm.ElmValidation;
import org.qualigraph.exchange.elm.PreflightService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Submit to authority" check: validates the qualification against the official Europass schemas off the UI
 * thread, lists every problem with a button to the place to fix it, and offers the files only when all is valid.
 */
class PreflightPanel extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(PreflightPanel.class);

    private final PreflightService preflight;
    private final Supplier<QualificationDocument> document;
    private final EditorContext editor;
    private final Div results = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Button run;

    /** @param editor the open editor, for the fix buttons; null on the standalone page */
    PreflightPanel(PreflightService preflight, Supplier<QualificationDocument> document, EditorContext editor) {
        this(preflight, document, editor, null);
    }

    /** @param identifiers where the register's QDR dataset is, to tell how to register it with QDR; null leaves that out */
    PreflightPanel(PreflightService preflight, Supplier<QualificationDocument> document, EditorContext editor,
                   org.qualigraph.curriculum.PersistentIdentifiers identifiers) {
        this.preflight = preflight;
        this.document = document;
        this.editor = editor;
        setId("preflight");
        run = new Button(getTranslation("preflight.run"), e -> runCheck());
        run.setId("preflight-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        results.setId("preflight-results");
        results.setWidthFull();
        add(new H3(getTranslation("preflight.title")), new Paragraph(getTranslation("preflight.intro")), run, progress, results);
        if (identifiers != null) {
            add(createQdrSteps(identifiers.url("/register/loq.xml")));
        }
        var status = preflight.status();
        if (!status.ready()) {
            run.setEnabled(false);
            results.add(message("preflight-missing", status.problem()));
        }
    }

    void runCheck() {
        UI ui = UI.getCurrent();
        QualificationDocument doc = document.get();
        String language = ui.getLocale() == null ? "en" : ui.getLocale().getLanguage();
        run.setEnabled(false);
        progress.setVisible(true);
        results.removeAll();
        CompletableFuture.supplyAsync(() -> preflight.check(doc, language.isEmpty() ? "en" : language))
                .whenComplete((result, error) -> ui.access(() -> {
                    run.setEnabled(true);
                    progress.setVisible(false);
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        results.add(message("preflight-error", getTranslation("preflight.failedUnexpectedly",
                                FailureId.report(log, "in the pre-flight check", cause))));
                    } else {
                        show(result);
                    }
                }));
    }

    /** Renders a result; package-visible so view tests can render without waiting for the background thread. */
    void show(PreflightService.Result result) {
        results.removeAll();
        if (result.schemasMissing() != null) {
            results.add(message("preflight-missing", result.schemasMissing()));
            return;
        }
        if (!result.passed()) {
            results.add(new Paragraph(getTranslation("preflight.problems", result.findings().size())));
            var list = new UnorderedList();
            list.setId("preflight-findings");
            for (ElmValidation.Finding finding : result.findings()) {
                var item = new ListItem();
                var text = new Span(finding.message());
                text.getElement().setAttribute("title", finding.check() + ": " + finding.technical());
                item.add(text);
                fixButton(finding).ifPresent(item::add);
                list.add(item);
            }
            results.add(list);
            return;
        }
        results.add(message("preflight-passed", getTranslation("preflight.passed")));
        var downloads = new HorizontalLayout();
        downloads.setId("preflight-downloads");
        result.files().forEach((name, bytes) -> {
            String type = name.endsWith(".zip") ? "application/zip" : name.endsWith(".xml") ? "application/xml"
                    : name.endsWith(".jsonld") ? "application/ld+json" : "text/turtle";
            var anchor = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(bytes), name, type, bytes.length)), AttachmentType.DOWNLOAD, name);
            anchor.getElement().setAttribute("download", name);
            downloads.add(anchor);
        });
        results.add(downloads);
    }

    private java.util.Optional<Component> fixButton(ElmValidation.Finding finding) {
        if (editor == null) {
            return java.util.Optional.empty();
        }
        Consumer<EditorContext> action = switch (finding.place()) {
            case UNIT -> e -> e.showUnit(finding.code());
            case OUTCOME -> e -> e.showOutcome(finding.code());
            default -> null;
        };
        if (action == null || finding.code() == null) {
            return java.util.Optional.empty();
        }
        var button = new Button(getTranslation("preflight.fix", finding.code()), e -> action.accept(editor));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return java.util.Optional.of(button);
    }

    private static Component message(String id, String text) {
        var p = new Paragraph(text);
        p.setId(id);
        return p;
    }

    /** How an alliance registers the register's dataset with Europass QDR, step by step. */
    private com.vaadin.flow.component.html.Div createQdrSteps(String datasetUrl) {
        var box = new com.vaadin.flow.component.html.Div();
        box.setId("preflight-qdr");
        var steps = new com.vaadin.flow.component.html.OrderedList();
        for (int i = 1; i <= 4; i++) {
            steps.add(new com.vaadin.flow.component.html.ListItem(getTranslation("preflight.qdr.step" + i, datasetUrl)));
        }
        var url = new com.vaadin.flow.component.html.Anchor(datasetUrl, datasetUrl);
        url.setId("preflight-qdr-url");
        url.setTarget("_blank");
        box.add(new H3(getTranslation("preflight.qdr.title")), new Paragraph(getTranslation("preflight.qdr.intro")),
                new Paragraph(url), steps, new Paragraph(getTranslation("preflight.qdr.manual")));
        return box;
    }
}
