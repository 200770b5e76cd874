package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.qualigraph.base.BadInputException;
import org.qualigraph.esco.ReferenceDataSection;
import org.qualigraph.exchange.elm.ElmSchemaLibrary;
import org.qualigraph.exchange.elm.ElmValidation;

/**
 * The Europass schemas on the Reference data page: which release the submission check uses, and an upload of the
 * official ELM release (zip), validated before it replaces the one in use.
 */
@org.springframework.stereotype.Component
class ElmSchemaSection implements ReferenceDataSection {


    private final ElmSchemaLibrary library;
    private final ElmValidation validation;

    ElmSchemaSection(ElmSchemaLibrary library, ElmValidation validation) {
        this.library = library;
        this.validation = validation;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component create() {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("elm-schemas");
        var state = new Paragraph();
        state.setId("elm-schemas-state");
        var result = new Div();
        result.setId("elm-schemas-result");
        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            install(file.toPath(), state, result);
        }));
        upload.setId("elm-schemas-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(100 * 1024 * 1024);
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setDropLabel(new Span(box.getTranslation("elm.schemas.drop")));
        box.add(new H3(box.getTranslation("elm.schemas.title")), new Paragraph(box.getTranslation("elm.schemas.help")), state,
                upload, result);
        showState(state);
        return box;
    }

    private void install(Path file, Paragraph state, Div result) {
        result.removeAll();
        try {
            library.install(file);
            var done = new Paragraph(state.getTranslation("elm.schemas.installed"));
            done.setId("elm-schemas-installed");
            result.add(done);
        } catch (BadInputException e) {
            var refused = new Paragraph(state.getTranslation("elm.schemas.refused", e.problems().get(0).message(state.getUI().map(com.vaadin.flow.component.UI::getLocale).orElse(java.util.Locale.ENGLISH))));
            refused.setId("elm-schemas-refused");
            refused.getStyle().set("color", "var(--lumo-error-text-color)");
            result.add(refused);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the operating system cleans it up
            }
        }
        showState(state);
    }

    private void showState(Paragraph state) {
        var installed = library.installed();
        if (!validation.status().ready() || installed.isEmpty()) {
            state.setText(state.getTranslation("elm.schemas.none"));
        } else if (library.usesBundled()) {
            state.setText(state.getTranslation("elm.schemas.bundled", nonEmpty(installed.get().source())));
        } else if (installed.get().fromSetting()) {
            state.setText(state.getTranslation("elm.schemas.fromSetting", nonEmpty(installed.get().source())));
        } else {
            state.setText(state.getTranslation("elm.schemas.loaded", nonEmpty(installed.get().source()),
                    installed.get().installedAt() == null ? "" : org.qualigraph.base.LocalFormats.dateTime(installed.get().installedAt(), ZoneId.systemDefault(), com.vaadin.flow.component.UI.getCurrent().getLocale())));
        }
    }

    private static String nonEmpty(String source) {
        return source == null || source.isBlank() ? "?" : source;
    }
}
