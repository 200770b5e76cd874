package org.qualigraph.exchange.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Objects;
import org.qualigraph.base.MainLayout;
import org.qualigraph.curriculum.QualificationFilter;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.esco.RecognitionService;
import org.qualigraph.exchange.RecognitionReport;

/**
 * Recognition between two qualifications: pick A and B, see their outcomes paired by meaning and shared ESCO skills
 * with EQF levels, the credits and hours of paired units and what only one side has, and download the report.
 */
@Route(value = "compare", layout = MainLayout.class)
@Menu(title = "menu.compare", order = 35, icon = "vaadin:scale")
@PermitAll
public class CompareView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle, com.vaadin.flow.router.BeforeEnterObserver {

    private final transient RecognitionService recognition;
    private final transient RecognitionReport report;
    private final ComboBox<QualificationSummary> a = new ComboBox<>();
    private final ComboBox<QualificationSummary> b = new ComboBox<>();
    private final Div result = new Div();

    public CompareView(QualificationService qualifications, RecognitionService recognition, RecognitionReport report) {
        this.recognition = recognition;
        this.report = report;
        setId("compare-view");
        var items = qualifications.list(QualificationFilter.ALL, 0, 500);
        for (var box : java.util.List.of(a, b)) {
            box.setItems(items);
            box.setItemLabelGenerator(q -> q.displayTitle() + (q.eqfLevel() == null ? "" : " (EQF " + q.eqfLevel() + ")"));
            box.setWidth("24em");
        }
        a.setId("compare-a");
        b.setId("compare-b");
        a.setLabel(getTranslation("compare.a"));
        b.setLabel(getTranslation("compare.b"));
        var compare = new Button(getTranslation("compare.run"), e -> show());
        compare.setId("compare-run");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var row = new HorizontalLayout(a, b, compare);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        result.setWidthFull();
        add(new H2(getTranslation("compare.title")), new Paragraph(getTranslation("compare.help")), row, result);
    }

    /** {@code /compare?a=<id>&b=<id>} opens with both chosen and compared (links from other views, bookmarks). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        var first = parameters.getOrDefault("a", java.util.List.of()).stream().findFirst();
        var second = parameters.getOrDefault("b", java.util.List.of()).stream().findFirst();
        if (first.isPresent() && second.isPresent()) {
            select(a, first.get());
            select(b, second.get());
            show();
        }
    }

    private static void select(ComboBox<QualificationSummary> box, String id) {
        box.getListDataView().getItems().filter(q -> q.id().equals(id)).findFirst().ifPresent(box::setValue);
    }

    private void show() {
        result.removeAll();
        if (a.getValue() == null || b.getValue() == null || Objects.equals(a.getValue().id(), b.getValue().id())) {
            result.add(new Paragraph(getTranslation("compare.choose")));
            return;
        }
        var c = recognition.compare(a.getValue().id(), b.getValue().id());
        var summary = new Paragraph(getTranslation("compare.summary", c.pairs().size(), c.onlyInA().size(), c.onlyInB().size()));
        summary.setId("compare-summary");

        var pairs = new Grid<RecognitionService.Pair>();
        pairs.setId("compare-pairs");
        pairs.addColumn(p -> p.a() + " " + p.statementA()).setHeader(getTranslation("compare.column.a")).setFlexGrow(3);
        pairs.addColumn(p -> p.b() + " " + p.statementB()).setHeader(getTranslation("compare.column.b")).setFlexGrow(3);
        pairs.addColumn(p -> org.qualigraph.base.LocalFormats.number(p.score(), 2, getLocale())).setHeader(getTranslation("compare.column.score"));
        pairs.addColumn(p -> level(p.eqfLevels().get(0)) + " / " + level(p.eqfLevels().get(1))
                + (Objects.equals(p.eqfLevels().get(0), p.eqfLevels().get(1)) ? "" : " \u26a0"))
                .setHeader(getTranslation("compare.column.eqf"));
        pairs.addColumn(p -> p.sharedSkills().size()).setHeader(getTranslation("compare.column.shared"));
        pairs.setItems(c.pairs());
        pairs.setAllRowsVisible(true);

        var units = new Grid<RecognitionService.UnitPair>();
        units.setId("compare-units");
        units.addColumn(u -> u.a() + " \u2194 " + u.b()).setHeader(getTranslation("compare.column.units"));
        units.addColumn(u -> value(u.credits().get(0)) + " / " + value(u.credits().get(1))).setHeader(getTranslation("compare.column.credits"));
        units.addColumn(u -> value(u.hours().get(0)) + " / " + value(u.hours().get(1))).setHeader(getTranslation("compare.column.hours"));
        units.setItems(c.units());
        units.setAllRowsVisible(true);

        var onlyA = new Paragraph(getTranslation("compare.onlyInA", String.join(", ", c.onlyInA())));
        onlyA.setId("compare-only-a");
        var onlyB = new Paragraph(getTranslation("compare.onlyInB", String.join(", ", c.onlyInB())));
        onlyB.setId("compare-only-b");

        var html = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = report.html(c);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "recognition-report.html", "text/html", bytes.length);
        }), getTranslation("compare.report.html"));
        html.setId("compare-report-html");
        html.getElement().setAttribute("download", true);
        var pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = report.pdf(c);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "recognition-report.pdf", "application/pdf", bytes.length);
        }), getTranslation("compare.report.pdf"));
        pdf.setId("compare-report-pdf");
        pdf.getElement().setAttribute("download", true);

        result.add(summary, new HorizontalLayout(html, pdf), new H3(getTranslation("compare.pairs")), pairs,
                new H3(getTranslation("compare.units")), units, onlyA, onlyB);
    }

    private static String level(Integer level) {
        return level == null ? "\u2013" : level.toString();
    }

    private static String value(Object value) {
        return value == null ? "\u2013" : value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.compare");
    }
}
