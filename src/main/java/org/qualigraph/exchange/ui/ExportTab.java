package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.exchange.CsvImportService;
import org.qualigraph.exchange.Exporter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;

/** Adds the "Export" tab to the qualification editor: every registered export format, and the spreadsheet import. */
@org.springframework.stereotype.Component
class ExportTab implements QualificationEditorExtension {

    private final List<Exporter> exporters;
    private final CsvImportService csvImport;
    private final AsyncTaskExecutor executor;
    private final I18NProvider i18n;
    private final org.qualigraph.curriculum.QualificationService qualifications;
    private final org.qualigraph.curriculum.PersistentIdentifiers identifiers;

    ExportTab(List<Exporter> exporters, CsvImportService csvImport,
              @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor, I18NProvider i18n,
              org.qualigraph.curriculum.QualificationService qualifications,
              org.qualigraph.curriculum.PersistentIdentifiers identifiers) {
        this.qualifications = qualifications;
        this.identifiers = identifiers;
        this.exporters = exporters.stream().sorted(Comparator.comparing(Exporter::label)).toList();
        this.csvImport = csvImport;
        this.executor = executor;
        this.i18n = i18n;
    }

    @Override
    public String id() {
        return "export";
    }

    @Override
    public String label() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        return i18n.getTranslation("exchange.export.tab", locale);
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public boolean visibleTo(Set<String> roles) {
        return true;
    }

    @Override
    public Component create(EditorContext context) {
        return new ExportPanel(context, exporters, csvImport, executor,
                () -> qualifications.edition(context.qualificationId()), identifiers);
    }
}
