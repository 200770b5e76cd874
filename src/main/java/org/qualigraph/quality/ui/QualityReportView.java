package org.qualigraph.quality.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.qualigraph.base.MainLayout;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.quality.QualityService;

/** The read-only quality report of a stored qualification, for reviewers (no editing, no jumps into the editor). */
@Route(value = "qualifications/:id/quality", layout = MainLayout.class)
@PermitAll
class QualityReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final QualificationService qualifications;
    private final QualityService quality;
    private final H2 heading = new H2();
    private final QualityReportPanel panel;
    private String title = "";

    QualityReportView(QualificationService qualifications, QualityService quality) {
        this.qualifications = qualifications;
        this.quality = quality;
        this.panel = new QualityReportPanel(quality, null);
        panel.setId("quality-report");
        add(heading);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("id").orElse(""));
    }

    /** Shows the qualification with this id, or says that there is none. */
    void show(String id) {
        var doc = qualifications.find(id);
        if (doc.isEmpty()) {
            title = getTranslation("quality.notFound", id);
            heading.setText(title);
            var missing = new Span(getTranslation("quality.notFound", id));
            missing.setId("quality-not-found");
            add(missing);
            return;
        }
        title = getTranslation("quality.report.title", doc.get().displayTitle());
        heading.setText(title);
        add(new Anchor("qualifications/" + id + "/dashboard", getTranslation("quality.dashboard")), panel);
        panel.show(doc.get(), quality.report(id));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
