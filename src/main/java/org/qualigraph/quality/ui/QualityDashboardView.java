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

/** Charts of a qualification's quality: findings by standard, credits and hours per unit, work-based share. */
@Route(value = "qualifications/:id/dashboard", layout = MainLayout.class)
@PermitAll
class QualityDashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final QualificationService qualifications;
    private final QualityService quality;
    private final QualityDashboard dashboard = new QualityDashboard();
    private final H2 heading = new H2();
    private String title = "";

    QualityDashboardView(QualificationService qualifications, QualityService quality) {
        this.qualifications = qualifications;
        this.quality = quality;
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
            add(new Span(title));
            return;
        }
        title = getTranslation("quality.dashboard.title", doc.get().displayTitle());
        heading.setText(title);
        add(new Anchor("qualifications/" + id + "/quality", getTranslation("quality.report.link")), dashboard);
        dashboard.show(doc.get(), quality.report(id));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
