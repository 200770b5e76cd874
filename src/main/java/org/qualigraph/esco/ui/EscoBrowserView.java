package org.qualigraph.esco.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.qualigraph.base.MainLayout;
import org.qualigraph.base.CurrentUser;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationFilter;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.esco.EscoBrowser;

/**
 * The ESCO browser: search occupations or skills by label, open an occupation with its essential and optional skills,
 * or a skill with its broader and narrower concepts and the occupations that need it. Pages are addressable
 * ({@code esco?occupation=<uri>}, {@code esco?skill=<uri>}) so they can be linked and bookmarked.
 */
@Route(value = "esco", layout = MainLayout.class)
@Menu(title = "menu.esco", order = 20, icon = "vaadin:sitemap")
@PermitAll
public class EscoBrowserView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle, BeforeEnterObserver {

    static final int RESULTS = 50;

    private final EscoBrowser browser;
    private final transient QualificationService qualifications;
    private final TextField search = new TextField();
    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>();
    private final Div results = new Div();
    private final Div page = new Div();

    public EscoBrowserView(EscoBrowser browser, QualificationService qualifications) {
        this.browser = browser;
        this.qualifications = qualifications;
        add(new H2(getTranslation("esco.title")), createSearch(), results, page);
    }

    private HorizontalLayout createSearch() {
        search.setId("esco-search");
        search.setLabel(getTranslation("esco.search"));
        search.setPlaceholder(getTranslation("esco.search.placeholder"));
        search.setWidth("28rem");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> showResults());
        kind.setId("esco-kind");
        kind.setItems("occupations", "skills");
        kind.setItemLabelGenerator(k -> getTranslation("esco.kind." + k));
        kind.setValue("occupations");
        kind.addValueChangeListener(e -> showResults());
        results.setId("esco-results");
        page.setId("esco-page");
        page.setWidthFull();
        var bar = new HorizontalLayout(search, kind);
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    private void showResults() {
        results.removeAll();
        String q = search.getValue().strip();
        if (q.length() < 2) {
            return;
        }
        List<Button> links = "skills".equals(kind.getValue())
                ? browser.searchSkills(q, RESULTS, language()).stream().map(s -> link(s.label(), "skill", s.uri())).toList()
                : browser.searchOccupations(q, RESULTS, language()).stream().map(o -> link(o.label(), "occupation", o.uri())).toList();
        if (links.isEmpty()) {
            results.add(new Paragraph(getTranslation("esco.results.none", q)));
        }
        links.forEach(results::add);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        page.removeAll();
        first(parameters, "occupation").ifPresent(this::showOccupation);
        first(parameters, "skill").ifPresent(this::showSkill);
    }

    private static java.util.Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().findFirst();
    }

    private void showOccupation(String uri) {
        browser.occupation(uri, language()).ifPresentOrElse(o -> {
            page.add(new Span(getTranslation("esco.occupation")), new H3(o.label()),
                    new Paragraph(getTranslation("esco.code", o.code(), o.iscoGroup())), uriLine(o.uri()));
            if (isDesigner()) {
                var use = new Button(getTranslation("esco.useAsTarget"), e -> chooseQualification(o.uri(), o.label()));
                use.setId("use-as-target");
                use.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                page.add(use);
            }
            if (!o.altLabels().isEmpty()) {
                page.add(new Paragraph(getTranslation("esco.altlabels", String.join("; ", o.altLabels()))));
            }
            if (o.description() != null) {
                page.add(new Paragraph(o.description()));
            }
            page.add(section("esco-essential", getTranslation("esco.essential", o.essential().size()),
                    o.essential().stream().map(s -> link(s.label(), "skill", s.uri())).toList()));
            page.add(section("esco-optional", getTranslation("esco.optional", o.optional().size()),
                    o.optional().stream().map(s -> link(s.label(), "skill", s.uri())).toList()));
        }, () -> page.add(new Paragraph(getTranslation("esco.notfound", uri))));
    }

    private void showSkill(String uri) {
        browser.skill(uri, language()).ifPresentOrElse(s -> {
            page.add(new Span(getTranslation(s.group() ? "esco.skillgroup" : "esco.skill")), new H3(s.label()),
                    new Paragraph(getTranslation("esco.type",
                            value(org.qualigraph.base.EscoTerms.skillType(s.skillType(), getLocale())),
                            value(org.qualigraph.base.EscoTerms.reuseLevel(s.reuseLevel(), getLocale())))), uriLine(s.uri()));
            if (!s.altLabels().isEmpty()) {
                page.add(new Paragraph(getTranslation("esco.altlabels", String.join("; ", s.altLabels()))));
            }
            if (s.description() != null) {
                page.add(new Paragraph(s.description()));
            }
            page.add(section("esco-broader", getTranslation("esco.broader", s.broader().size()),
                    s.broader().stream().map(b -> link(b.label(), "skill", b.uri())).toList()));
            page.add(section("esco-narrower", getTranslation("esco.narrower", s.narrower().size()),
                    s.narrower().stream().map(n -> link(n.label(), "skill", n.uri())).toList()));
            page.add(section("esco-essential-for", getTranslation("esco.essentialfor", s.essentialFor().size()),
                    s.essentialFor().stream().map(o -> link(o.label(), "occupation", o.uri())).toList()));
            page.add(section("esco-optional-for", getTranslation("esco.optionalfor", s.optionalFor().size()),
                    s.optionalFor().stream().map(o -> link(o.label(), "occupation", o.uri())).toList()));
        }, () -> page.add(new Paragraph(getTranslation("esco.notfound", uri))));
    }

    /** The concept's URI, as a link to the official ESCO page it identifies. */
    private Paragraph uriLine(String uri) {
        var link = new com.vaadin.flow.component.html.Anchor(uri, uri);
        link.setTarget("_blank");
        link.setId("esco-uri");
        var line = new Paragraph(new Span(getTranslation("esco.uri") + " "), link);
        line.getStyle().set("overflow-wrap", "anywhere").set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

    private static boolean isDesigner() {
        return CurrentUser.roles().contains(Roles.DESIGNER);
    }

    /**
     * "Use as target occupation": the designer picks one of the qualifications they can still edit, and its editor
     * opens with the occupation added to the working copy, to be saved there.
     */
    private void chooseQualification(String uri, String label) {
        var dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setId("use-as-target-dialog");
        dialog.setHeaderTitle(getTranslation("esco.useAsTarget.title", label));
        var choice = new com.vaadin.flow.component.combobox.ComboBox<QualificationSummary>(getTranslation("esco.useAsTarget.qualification"));
        choice.setId("use-as-target-qualification");
        choice.setWidth("28rem");
        choice.setMaxWidth("100%");
        var editable = qualifications.list(QualificationFilter.ALL, 0, 500).stream()
                .filter(q -> QualificationService.isContentEditable(q.status())).toList();
        choice.setItems(editable);
        choice.setItemLabelGenerator(q -> q.displayTitle() + (q.eqfLevel() == null ? "" : " · EQF " + q.eqfLevel()));
        if (editable.isEmpty()) {
            choice.setHelperText(getTranslation("esco.useAsTarget.none"));
        }
        var open = new Button(getTranslation("esco.useAsTarget.open"), e -> {
            if (choice.getValue() == null) {
                choice.setErrorMessage(getTranslation("esco.useAsTarget.pick"));
                choice.setInvalid(true);
                return;
            }
            dialog.close();
            // the editor's route takes the occupation to add as ?target=<uri>
            getUI().ifPresent(ui -> ui.navigate("qualifications/" + choice.getValue().id(), QueryParameters.of("target", uri)));
        });
        open.setId("use-as-target-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("esco.useAsTarget.cancel"), e -> dialog.close());
        dialog.add(choice);
        dialog.getFooter().add(cancel, open);
        dialog.open();
    }

    private String value(String v) {
        return v == null || v.isBlank() ? getTranslation("esco.none") : v;
    }

    private Div section(String id, String title, List<? extends Component> items) {
        var section = new Div(new H4(title));
        section.setId(id);
        if (items.isEmpty()) {
            section.add(new Span(getTranslation("esco.none")));
        }
        var list = new Div();
        list.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        items.forEach(list::add);
        section.add(list);
        return section;
    }

    private Button link(String label, String parameter, String uri) {
        var button = new Button(label == null ? uri : label,
                e -> getUI().ifPresent(ui -> ui.navigate(EscoBrowserView.class, QueryParameters.of(parameter, uri))));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("title", uri);
        button.getElement().setAttribute("data-uri", uri);
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.esco");
    }

    /** The user's language: ESCO texts are shown in it where that language's package was imported. */
    private String language() {
        return getLocale() == null ? null : getLocale().getLanguage();
    }
}
