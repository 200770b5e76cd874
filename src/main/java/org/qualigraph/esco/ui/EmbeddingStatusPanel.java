package org.qualigraph.esco.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.qualigraph.esco.EscoEmbeddings;
import org.qualigraph.jobs.JobContext;
import org.qualigraph.jobs.JobService;
import org.qualigraph.jobs.JobState;
import org.qualigraph.jobs.JobStatus;

/**
 * How far the sentence vectors behind "skills by meaning" are: ready, being made (with live progress), or missing
 * (suggestions use words only until then, and an administrator can start the job). While people's requests keep the
 * server busy the job waits, and the panel says so, so that a slow bar is not taken for a stuck one.
 */
class EmbeddingStatusPanel extends VerticalLayout {

    private final transient EscoEmbeddings embeddings;
    private final transient JobService jobs;
    private final Paragraph text = new Paragraph();
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Button start = new Button();
    private transient Runnable unsubscribe;
    private String following;

    EmbeddingStatusPanel(EscoEmbeddings embeddings, JobService jobs) {
        this.embeddings = embeddings;
        this.jobs = jobs;
        setPadding(false);
        setId("esco-embeddings");
        text.addClassName("embedding-status");
        progress.setVisible(false);
        start.setText(getTranslation("esco.embeddings.start"));
        start.addClickListener(e -> {
            embeddings.start();
            refresh();
        });
        add(new H3(getTranslation("esco.embeddings.title")), text, progress, start);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopFollowing();
    }

    /** Reads the state again and follows a running embedding job. */
    void refresh() {
        var status = embeddings.status();
        var running = embeddings.runningJob();
        setVisible(status.concepts() > 0 || running.isPresent());
        start.setVisible(running.isEmpty() && !status.ready() && status.concepts() > 0);
        if (running.isPresent()) {
            follow(running.get());
        } else {
            progress.setVisible(false);
            text.setText(status.ready()
                    ? getTranslation("esco.embeddings.ready", status.embedded(), status.concepts(), status.model())
                    : getTranslation("esco.embeddings.missing", status.embedded(), status.concepts()));
        }
    }

    private void follow(JobStatus job) {
        show(job);
        UI ui = UI.getCurrent();
        if (ui == null || job.id().equals(following)) {
            return;
        }
        stopFollowing();
        following = job.id();
        unsubscribe = jobs.addListener(job.id(), status -> ui.access(() -> {
            show(status);
            if (status.state() != JobState.RUNNING) {
                stopFollowing();
                refresh();
            }
        }));
    }

    private void show(JobStatus job) {
        progress.setVisible(job.state() == JobState.RUNNING);
        progress.setValue(job.progress());
        boolean paused = Boolean.TRUE.equals(job.counts().get(JobContext.PAUSED));
        text.setText(getTranslation(paused ? "esco.embeddings.paused" : "esco.embeddings.running", Math.round(job.progress() * 100)));
    }

    private void stopFollowing() {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        following = null;
    }
}
