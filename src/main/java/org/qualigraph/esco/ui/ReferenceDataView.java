package org.qualigraph.esco.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.MainLayout;
import org.qualigraph.base.Roles;
import org.qualigraph.esco.EscoService;
import org.qualigraph.jobs.JobConflictException;
import org.qualigraph.jobs.JobService;
import org.qualigraph.jobs.JobState;
import org.qualigraph.jobs.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an administrator loads ESCO: upload the classification and relations packages, start the import, and watch
 * its progress live (server push); the counts, or the file and line of a bad package, are shown plainly.
 */
@Route(value = "admin/reference-data", layout = MainLayout.class)
@Menu(title = "menu.referenceData", order = 90, icon = "vaadin:database")
@RolesAllowed(Roles.ADMIN)
public class ReferenceDataView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataView.class);
    private static final int MAX_BYTES = 100 * 1024 * 1024;

    private final transient EscoService esco;
    private final transient JobService jobs;
    private final Paragraph release = new Paragraph();
    private final UnorderedList languages = new UnorderedList();
    private final TextField version = new TextField();
    private final Button importButton = new Button();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span state = new Span();
    private final Div result = new Div();
    private final Div obsolete = new Div();
    private Received classification;
    private Received relations;
    private String job;
    private transient Runnable unsubscribe;
    private final EmbeddingStatusPanel meaning;

    record Received(Path file, String name) {
    }

    public ReferenceDataView(EscoService esco, JobService jobs,
                             org.springframework.beans.factory.ObjectProvider<org.qualigraph.esco.ReferenceDataSection> sections) {
        this.esco = esco;
        this.jobs = jobs;
        this.meaning = new EmbeddingStatusPanel(esco.embeddings(), jobs);
        add(new H2(getTranslation("esco.reference.title")), createRelease(), meaning, new H3(getTranslation("esco.reference.import")),
                new Paragraph(getTranslation("esco.reference.help")), new Paragraph(getTranslation("esco.reference.languages.help")),
                createUploads(), createActions(), createProgress(), result,
                obsolete);
        sections.orderedStream().sorted(java.util.Comparator.comparingInt(org.qualigraph.esco.ReferenceDataSection::order))
                .forEach(section -> add(section.create()));
        showRelease();
    }

    private Div createRelease() {
        release.setId("esco-release");
        languages.setId("esco-languages");
        return new Div(release, languages);
    }

    private HorizontalLayout createUploads() {
        Upload classificationUpload = upload("classification-upload", "esco.reference.classification", true);
        Upload relationsUpload = upload("relations-upload", "esco.reference.relations", false);
        var uploads = new HorizontalLayout(labelled("esco.reference.classification", classificationUpload),
                labelled("esco.reference.relations", relationsUpload));
        uploads.setWidthFull();
        return uploads;
    }

    private static VerticalLayout labelled(String key, Upload upload) {
        var box = new VerticalLayout(new Span(upload.getTranslation(key)), upload);
        box.setPadding(false);
        return box;
    }

    private Upload upload(String id, String key, boolean isClassification) {
        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            if (isClassification) {
                classificationReceived(file.toPath(), metadata.fileName());
            } else {
                relationsReceived(file.toPath(), metadata.fileName());
            }
        }));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setDropLabel(new Span(getTranslation(key)));
        return upload;
    }

    private HorizontalLayout createActions() {
        version.setId("esco-version");
        version.setLabel(getTranslation("esco.reference.version"));
        version.setPlaceholder(getTranslation("esco.reference.version.placeholder"));
        importButton.setText(getTranslation("esco.reference.start"));
        importButton.setId("esco-import");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> startImport());
        var actions = new HorizontalLayout(version, importButton);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return actions;
    }

    private VerticalLayout createProgress() {
        progress.setId("esco-progress");
        progress.setVisible(false);
        state.setId("esco-state");
        result.setId("esco-result");
        obsolete.setId("esco-obsolete");
        var box = new VerticalLayout(state, progress);
        box.setPadding(false);
        return box;
    }

    /** An uploaded classification package (called by the upload, and by tests). */
    void classificationReceived(Path file, String name) {
        deleteQuietly(classification);
        classification = new Received(file, name);
        updateButton();
    }

    /** An uploaded relations package. */
    void relationsReceived(Path file, String name) {
        deleteQuietly(relations);
        relations = new Received(file, name);
        updateButton();
    }

    private void updateButton() {
        // a classification package alone is another language's texts for the loaded release
        importButton.setEnabled(classification != null && (job == null || jobFinished()));
    }

    private boolean jobFinished() {
        return jobs.status(job).map(JobStatus::finished).orElse(true);
    }

    private void startImport() {
        try {
            var classificationFile = new EscoService.PackageFile(classification.file(), classification.name());
            if (relations == null) {
                String language = esco.packageLanguage(classificationFile);
                if (language == null || language.equals("en")) {
                    showRefusal(getTranslation("esco.reference.relationsMissing"));
                    return;
                }
                job = esco.startLanguageImport(classificationFile, language, true);
            } else {
                job = esco.startImport(classificationFile, new EscoService.PackageFile(relations.file(), relations.name()),
                        version.getValue(), true);
            }
        } catch (BadInputException e) {
            if (e.problems().stream().anyMatch(p -> "version".equals(p.field()))) {
                version.setInvalid(true);
                version.setErrorMessage(e.problems().stream().filter(p -> "version".equals(p.field())).findFirst()
                        .map(p -> p.message(getLocale())).orElse(e.getMessage()));
            } else {
                showRefusal(e.problems().get(0).message(getLocale()));
            }
            return;
        } catch (JobConflictException e) {
            result.removeAll();
            result.add(new Paragraph(getTranslation("esco.reference.busy", e.runningJob())));
            job = e.runningJob();
            progress.setVisible(true);
            follow();
            return;
        } catch (org.qualigraph.base.ConflictException e) {
            showRefusal(org.qualigraph.base.Refusals.inWords(e, getLocale()));
            return;
        }
        version.setInvalid(false);
        classification = null;
        relations = null;
        importButton.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        result.removeAll();
        follow();
    }

    private void showRefusal(String message) {
        result.removeAll();
        var error = new Paragraph(message);
        error.addClassName("error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        result.add(error);
    }

    /** The id of the job this view follows, for tests. */
    String job() {
        return job;
    }

    private void follow() {
        UI ui = UI.getCurrent();
        if (job == null || ui == null) {
            return;
        }
        stopFollowing();
        unsubscribe = jobs.addListener(job, status -> ui.access(() -> show(status)));
    }

    private void stopFollowing() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    private void show(JobStatus status) {
        progress.setValue(status.progress());
        state.setText(getTranslation("esco.reference.state." + status.state().name().toLowerCase(),
                Math.round(status.progress() * 100)));
        if (status.state() == JobState.RUNNING) {
            return;
        }
        stopFollowing();
        result.removeAll();
        if (status.state() == JobState.FAILED) {
            var error = new Paragraph(getTranslation("esco.reference.failed", status.error(getLocale())));
            error.addClassName("error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            result.add(error);
        } else {
            result.add(new Paragraph(getTranslation("esco.reference.done")), counts(status.counts()));
        }
        showRelease();
        meaning.refresh();
        updateButton();
    }

    private UnorderedList counts(Map<String, Object> counts) {
        var list = new UnorderedList();
        list.setId("esco-import-counts");
        counts.forEach((name, value) -> list.add(new ListItem(countLabel(name) + ": " + value)));
        return list;
    }

    /** "occupationSkillRelations" as "Occupation–skill relations" (from the bundle; a new key still reads as words). */
    private String countLabel(String key) {
        String bundleKey = "esco.reference.count." + key;
        String label = getTranslation(bundleKey);
        if (label != null && !label.isBlank() && !label.contains(bundleKey)) {
            return label;
        }
        String words = key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private void showRelease() {
        release.setText(esco.release().map(r -> getTranslation("esco.reference.loaded", r.version(), r.skills(), r.occupations(),
                        r.occupationSkillRelations(), org.qualigraph.base.LocalFormats.dateTime(r.importedAt(), java.time.ZoneOffset.UTC, getLocale()) + " UTC"))
                .orElse(getTranslation("esco.reference.none")));
        languages.removeAll();
        esco.languages().forEach((code, imported) -> languages.add(new ListItem(getTranslation("esco.reference.language",
                java.util.Locale.forLanguageTag(code).getDisplayLanguage(getLocale() == null ? java.util.Locale.ENGLISH : getLocale()),
                imported.get("skills"), imported.get("occupations"), imported.get("unknownConcepts"),
                imported.get("importedAt") == null ? "" : org.qualigraph.base.LocalFormats.dateTime(java.time.Instant.parse((String) imported.get("importedAt")), java.time.ZoneOffset.UTC, getLocale()) + " UTC"))));
        var links = esco.linksToObsoleteConcepts();
        obsolete.removeAll();
        if (!links.isEmpty()) {
            obsolete.add(new Paragraph(getTranslation("esco.reference.obsolete", links.size())));
            var list = new UnorderedList();
            links.stream().limit(50).forEach(link -> list.add(new ListItem(link.qualificationTitle() + " / "
                    + ("targetOccupations".equals(link.subject()) ? getTranslation("curriculum.ui.targets") : link.subject())
                    + " \u2192 " + (link.conceptLabel() == null ? link.conceptUri() : link.conceptLabel()))));
            obsolete.add(list);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (job == null) {
            // an import started elsewhere (another tab, the API, another instance) is shown too
            jobs.running(EscoService.IMPORT_JOB_KIND).ifPresent(running -> {
                job = running.id();
                progress.setVisible(true);
                updateButton();
            });
        }
        follow();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
        deleteQuietly(classification);
        deleteQuietly(relations);
        super.onDetach(detachEvent);
    }

    private static void deleteQuietly(Received received) {
        if (received == null) {
            return;
        }
        try {
            Files.deleteIfExists(received.file());
        } catch (IOException e) {
            log.debug("Could not delete upload {}", received.file(), e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.referenceData");
    }
}
