package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.stream.IntStream;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.MainLayout;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationFilter;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.curriculum.QualificationType;

/** All qualifications, filtered and paged through the service; designers create, copy, derive and delete here. */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "menu.qualifications", order = 1, icon = "vaadin:academy-cap")
@PermitAll
public class QualificationListView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle, BeforeEnterObserver {

    /** Query parameter of the "Waiting for my review" list ({@code ?review=waiting}), which the side menu links to. */
    public static final String REVIEW_PARAMETER = "review";
    public static final String REVIEW_WAITING = "waiting";
    /** {@code ?review=returned}: "Returned to me", our qualifications on which a reviewer requested changes. */
    public static final String REVIEW_RETURNED = "returned";

    private final transient QualificationService service;
    private final boolean designer = CurrentUser.isDesigner();
    private final TextField titleFilter = new TextField();
    private final Select<Integer> eqfFilter = new Select<>();
    private final Select<QualificationType> typeFilter = new Select<>();
    private final Select<QualificationStatus> statusFilter = new Select<>();
    private final Checkbox waitingFilter = new Checkbox();
    private final Checkbox oursFilter = new Checkbox();
    private final Grid<QualificationSummary> grid = new Grid<>();
    /** The editions of the rows read so far, filled a page at a time by the grid's data provider. */
    private final java.util.Map<String, org.qualigraph.curriculum.Edition> editions = new java.util.HashMap<>();

    public QualificationListView(QualificationService service) {
        this.service = service;
        setSizeFull();
        add(createToolbar(), createGrid());
    }

    private HorizontalLayout createToolbar() {
        titleFilter.setId("title-filter");
        titleFilter.setPlaceholder(getTranslation("curriculum.ui.list.filter.title"));
        titleFilter.setClearButtonVisible(true);
        titleFilter.setValueChangeMode(ValueChangeMode.LAZY);
        titleFilter.addValueChangeListener(e -> refresh());

        eqfFilter.setId("eqf-filter");
        eqfFilter.setLabel(getTranslation("curriculum.ui.eqf"));
        eqfFilter.setItems(IntStream.rangeClosed(1, 8).boxed().toList());
        eqfFilter.setEmptySelectionAllowed(true);
        eqfFilter.setEmptySelectionCaption(getTranslation("curriculum.ui.list.filter.any"));
        eqfFilter.addValueChangeListener(e -> refresh());

        typeFilter.setId("type-filter");
        typeFilter.setLabel(getTranslation("curriculum.ui.type"));
        typeFilter.setItems(QualificationType.values());
        typeFilter.setItemLabelGenerator(EnumLabels::of);
        typeFilter.setEmptySelectionAllowed(true);
        typeFilter.setEmptySelectionCaption(getTranslation("curriculum.ui.list.filter.any"));
        typeFilter.addValueChangeListener(e -> refresh());

        statusFilter.setId("status-filter");
        statusFilter.setLabel(getTranslation("curriculum.ui.status"));
        statusFilter.setItems(QualificationStatus.values());
        statusFilter.setItemLabelGenerator(EnumLabels::of);
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("curriculum.ui.list.filter.any"));
        statusFilter.addValueChangeListener(e -> refresh());

        // type labels are words now, not codes: the filters keep a width and the bar wraps rather than push
        // "New qualification" off a laptop screen
        typeFilter.setWidth("16em");
        statusFilter.setWidth("11em");
        var toolbar = new HorizontalLayout(titleFilter, eqfFilter, typeFilter, statusFilter);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        oursFilter.setId("ours-filter");
        oursFilter.setLabel(getTranslation("curriculum.ui.list.ours"));
        oursFilter.addValueChangeListener(e -> refresh());
        toolbar.add(oursFilter);
        if (CurrentUser.roles().contains(org.qualigraph.base.Roles.REVIEWER)) {
            waitingFilter.setId("waiting-filter");
            waitingFilter.setLabel(getTranslation("curriculum.ui.list.waiting"));
            waitingFilter.addValueChangeListener(e -> {
                statusFilter.setEnabled(!e.getValue());
                refresh();
            });
            toolbar.add(waitingFilter);
        }
        if (designer) {
            var create = new Button(getTranslation("curriculum.ui.list.new"), VaadinIcon.PLUS.create(),
                    e -> new CreateQualificationDialog(this::create).open());
            create.setId("new-qualification");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(create);
        }
        return toolbar;
    }

    private String title(QualificationSummary row) {
        return org.qualigraph.curriculum.Texts.in(row.title(), getLocale().getLanguage());
    }

    private Grid<QualificationSummary> createGrid() {
        grid.setId("qualification-grid");
        // whole titles in the user's language where written: long ones wrap (a core and its variants often share
        // their first words) and the tooltip repeats them
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // the title keeps a width of its own: auto-width columns with long words (a Polish or German type) would
        // otherwise squeeze it to a few letters a line at 1280 × 800
        grid.addColumn(this::title).setHeader(getTranslation("curriculum.ui.title")).setWidth("16em").setFlexGrow(4)
                .setTooltipGenerator(this::title).setKey("title");
        grid.addColumn(QualificationSummary::eqfLevel).setHeader(getTranslation("curriculum.ui.eqf")).setAutoWidth(true)
                .setKey("eqf");
        grid.addColumn(q -> EnumLabels.of(q.type())).setHeader(getTranslation("curriculum.ui.type")).setWidth("11em")
                .setFlexGrow(1).setKey("type");
        grid.addColumn(q -> EnumLabels.of(q.status())).setHeader(getTranslation("curriculum.ui.status")).setAutoWidth(true)
                .setKey("status");
        // the edition users know (revision n, or a draft of it); the save counter stays internal
        grid.addColumn(row -> editionLabel(editions.get(row.id()))).setHeader(getTranslation("curriculum.ui.edition.column"))
                .setWidth("10em").setFlexGrow(1).setKey("edition");
        if (designer) {
            grid.addComponentColumn(this::createActions).setHeader(getTranslation("curriculum.ui.actions"))
                    .setAutoWidth(true).setKey("actions");
        }
        grid.setItems(query -> {
            var page = service.list(filter(), query.getOffset(), query.getLimit());
            // the editions of the whole page in one read, before the column asks for them row by row
            editions.putAll(service.editions(page.stream().map(QualificationSummary::id).toList()));
            return page.stream();
        }, query -> (int) service.count(filter()));
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();
        return grid;
    }

    /** Empty for a row deleted before its page was read. */
    private String editionLabel(org.qualigraph.curriculum.Edition edition) {
        return edition == null ? "" : getTranslation(edition.published() ? "curriculum.ui.edition" : "curriculum.ui.edition.draft",
                edition.revision());
    }

    private HorizontalLayout createActions(QualificationSummary row) {
        var duplicate = new Button(VaadinIcon.COPY.create(), e -> run(() -> open(service.duplicate(row.id(), CurrentUser.name()).id())));
        duplicate.setTooltipText(getTranslation("curriculum.ui.list.duplicate"));
        duplicate.setId("duplicate-" + row.id());
        // a refused field stays marked in the dialog (BadInputException passes through); other refusals are shown here
        var derive = new Button(VaadinIcon.SPLIT.create(), e -> new DeriveDialog(row, request -> {
            try {
                open(service.derive(row.id(), request, CurrentUser.name()).id());
            } catch (ConflictException | NotFoundException ex) {
                error(org.qualigraph.base.Refusals.inWords(ex, getLocale()));
                refresh();
            }
        }).open());
        derive.setTooltipText(getTranslation("curriculum.ui.list.derive"));
        derive.setId("derive-" + row.id());
        var delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(row));
        delete.setTooltipText(getTranslation("curriculum.ui.list.delete"));
        delete.setId("delete-" + row.id());
        // published: archive instead; in review or approved: the reviewer holds it (withdraw or revoke first)
        delete.setEnabled(row.status() != QualificationStatus.PUBLISHED && row.status() != QualificationStatus.IN_REVIEW
                && row.status() != QualificationStatus.APPROVED);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var b : new Button[] {duplicate, derive, delete}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        }
        return new HorizontalLayout(duplicate, derive, delete);
    }

    private void confirmDelete(QualificationSummary row) {
        var dialog = new ConfirmDialog(getTranslation("curriculum.ui.list.delete.title"),
                getTranslation("curriculum.ui.list.delete.text", row.displayTitle()),
                getTranslation("curriculum.ui.list.delete"), e -> run(() -> {
                    service.delete(row.id(), CurrentUser.name());
                    refresh();
                }));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("curriculum.ui.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-delete");
        dialog.open();
    }

    private void create(QualificationDocument document) {
        run(() -> open(service.create(document, CurrentUser.name()).id()));
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (BadInputException e) {
            error(e.problems().stream().map(p -> p.field() + ": " + p.message(getLocale())).reduce((a, b) -> a + "; " + b)
                    .orElse(e.getMessage()));
        } catch (ConflictException | NotFoundException e) {
            error(org.qualigraph.base.Refusals.inWords(e, getLocale()));
            refresh();
        }
    }

    private void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void open(String id) {
        getUI().ifPresent(ui -> ui.navigate(QualificationEditorView.class, new RouteParameters("id", id)));
    }

    /** Waiting for review means in review: a reviewer's queue, whoever submitted it. */
    private QualificationFilter filter() {
        String title = titleFilter.getValue();
        var filter = new QualificationFilter(title == null || title.isBlank() ? null : title, eqfFilter.getValue(),
                typeFilter.getValue(), waitingFilter.getValue() ? QualificationStatus.IN_REVIEW : statusFilter.getValue());
        // "our qualifications": owned by the user's partner organisation or naming them as collaborator
        return oursFilter.getValue() ? service.ours(filter, CurrentUser.name()) : filter;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var waiting = event.getLocation().getQueryParameters().getSingleParameter(REVIEW_PARAMETER)
                .filter(REVIEW_WAITING::equals).isPresent();
        if (CurrentUser.roles().contains(org.qualigraph.base.Roles.REVIEWER)) {
            waitingFilter.setValue(waiting);
        }
        if (event.getLocation().getQueryParameters().getSingleParameter(REVIEW_PARAMETER)
                .filter(REVIEW_RETURNED::equals).isPresent()) {
            oursFilter.setValue(true);
            statusFilter.setValue(QualificationStatus.CHANGES_REQUESTED);
        }
    }

    private void refresh() {
        editions.clear();
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.qualifications");
    }
}
