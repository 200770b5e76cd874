package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.MainLayout;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.OccupationCatalog;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationEditorExtension;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.QualificationStatus;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.curriculum.UnitConflictException;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Edits one qualification on a working copy: profile and units tabs of its own, one tab per editor extension of
 * other features, live totals in the header. Nothing is stored until Save; a save against a newer stored version is
 * refused and the designer keeps their input. Readers (reviewers) see it read-only, and so does everyone while the
 * content is locked: in review or approved (the reviewer holds it; the banner says how to get it back), published or
 * archived (a new revision changes it).
 */
@Route(value = "qualifications/:id", layout = MainLayout.class)
@PermitAll
public class QualificationEditorView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle, BeforeEnterObserver, BeforeLeaveObserver,
        EditorSession.Host {

    /** The id of the review workflow's editor extension (quality module), where withdraw and revocation are done. */
    private static final String REVIEW_EXTENSION = "review";
    /** The query parameter the ESCO browser's "Use as target occupation" passes. */
    public static final String TARGET_PARAMETER = "target";
    /** The id of the revisions extension (quality module), which also shows a variant's changes from its core. */
    private static final String REVISIONS_EXTENSION = "revisions";

    private final transient QualificationService service;
    private final transient org.qualigraph.curriculum.VariantService variants;
    private final transient org.qualigraph.account.AccountService accounts;
    private final transient SkillCatalog catalog;
    private final transient OccupationCatalog occupations;
    private final transient List<QualificationEditorExtension> extensions;
    private final transient List<org.qualigraph.curriculum.UnitAnnotations> unitAnnotations;
    private final Span heading = new Span();
    private final Span status = new Span();
    private final Span edition = new Span();
    private final Span totals = new Span();
    private final HorizontalLayout badges = new HorizontalLayout();
    private final Div messages = new Div();
    private final TabSheet tabs = new TabSheet();
    private final Div profileTab = new Div();
    private final Div unitsTab = new Div();
    private final Button save = new Button();
    private final Button reload = new Button();
    private final Button help = new Button();
    private final Div helpPanel = new Div();
    private final Map<Tab, Runnable> lazyTabs = new HashMap<>();

    private String id;
    private transient EditorSession session;
    private QualificationDraft draft;
    /** How often an open editor asks whether the qualification or its shared units changed elsewhere. */
    private static final int POLL_MILLIS = 4000;
    private com.vaadin.flow.shared.Registration pollRegistration;
    private boolean changedElsewhere;
    /** The document as loaded: the base of "apply mine on top" when a shared unit changed meanwhile. */
    private QualificationDocument loaded;
    private QualificationForm form;
    private TranslationPanel translations;
    private UnitsPanel units;
    private Map<String, List<org.qualigraph.curriculum.QualificationSummary>> shared = Map.of();
    private boolean editable;
    private boolean dirty;
    private boolean leaveWarning;

    public QualificationEditorView(QualificationService service, ObjectProvider<SkillCatalog> catalog,
                                   ObjectProvider<OccupationCatalog> occupations,
                                   ObjectProvider<QualificationEditorExtension> extensions,
                                   ObjectProvider<org.qualigraph.curriculum.UnitAnnotations> unitAnnotations,
                                   org.qualigraph.curriculum.VariantService variants,
                                   org.qualigraph.account.AccountService accounts) {
        this.service = service;
        this.accounts = accounts;
        this.variants = variants;
        this.unitAnnotations = unitAnnotations.orderedStream().toList();
        this.catalog = catalog.getIfAvailable();
        this.occupations = occupations.getIfAvailable();
        Set<String> roles = CurrentUser.roles();
        this.extensions = extensions.orderedStream().filter(e -> e.visibleTo(roles))
                .sorted(java.util.Comparator.comparingInt(QualificationEditorExtension::order)).toList();
        setSizeFull();
        add(createHeader(), messages, tabs);
        messages.setWidthFull();
        tabs.setSizeFull();
        tabs.setId("editor-tabs");
        tabs.add(tab("tab-profile", getTranslation("curriculum.ui.tab.profile")), profileTab);
        tabs.add(tab("tab-units", getTranslation("curriculum.ui.tab.units")), unitsTab);
        tabs.addSelectedChangeListener(e -> {
            var create = lazyTabs.remove(e.getSelectedTab());
            if (create != null) {
                create.run();
            }
            if (helpPanel.isVisible()) {
                showHelp();
            }
        });
        helpPanel.setId("help-panel");
        helpPanel.setVisible(false);
        helpPanel.getElement().setAttribute("role", "complementary");
        helpPanel.getStyle().set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("box-sizing", "border-box");
        helpPanel.setWidthFull();
        addComponentAtIndex(1, helpPanel);
    }

    private Component createHeader() {
        heading.setId("editor-title");
        heading.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        status.setId("editor-status");
        status.getElement().getThemeList().add("badge");
        edition.setId("editor-edition");
        edition.getStyle().set("color", "var(--lumo-secondary-text-color)");
        totals.setId("editor-totals");
        totals.getStyle().set("color", "var(--lumo-secondary-text-color)");
        save.setText(getTranslation("curriculum.ui.save"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(com.vaadin.flow.component.Key.KEY_S, com.vaadin.flow.component.KeyModifier.CONTROL);
        reload.setText(getTranslation("curriculum.ui.reload"));
        reload.setId("reload");
        reload.addClickListener(e -> confirmDiscard(this::reload));
        badges.setAlignItems(FlexComponent.Alignment.CENTER);
        badges.setSpacing(true);
        help.setText(getTranslation("curriculum.ui.help"));
        help.setIcon(com.vaadin.flow.component.icon.VaadinIcon.QUESTION_CIRCLE_O.create());
        help.setId("editor-help");
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        help.addClickListener(e -> toggleHelp());
        var right = new HorizontalLayout(badges, help, reload, save);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        // the buttons and badges keep their size; the title side wraps instead of sliding under them
        right.getStyle().set("flex-shrink", "0");
        badges.getStyle().set("flex-shrink", "0");
        var header = new HorizontalLayout(new VerticalLayout(new HorizontalLayout(heading, status, edition), totals), right);
        header.setWidthFull();
        header.setId("editor-header");
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        // title, status and Save stay in view while the profile or a long unit scrolls underneath
        header.getStyle().set("position", "sticky").set("top", "0").set("z-index", "3")
                .set("background", "var(--lumo-base-color)").set("flex-wrap", "wrap")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return header;
    }

    /** The help for the tab in view: a few sentences and a link to the user guide's section, opened in a new tab. */
    private void toggleHelp() {
        helpPanel.setVisible(!helpPanel.isVisible());
        if (helpPanel.isVisible()) {
            showHelp();
        }
    }

    private void showHelp() {
        helpPanel.removeAll();
        String tab = tabs.getSelectedTab() == null ? "tab-profile" : tabs.getSelectedTab().getId().orElse("tab-profile");
        String key = "curriculum.ui.help." + tab.substring("tab-".length());
        String text = getTranslation(key);
        if (text == null || text.isBlank() || text.contains(key)) {
            text = getTranslation("curriculum.ui.help.default");
        }
        String section = getTranslation("curriculum.ui.help.section." + tab.substring("tab-".length()));
        if (section == null || section.isBlank() || section.contains("curriculum.ui.help.section.")) {
            section = "building-a-qualification";
        }
        var guide = new com.vaadin.flow.component.html.Anchor("help#" + section, getTranslation("curriculum.ui.help.more"));
        guide.setTarget("_blank");
        guide.setId("help-guide-link");
        var close = new Button(com.vaadin.flow.component.icon.VaadinIcon.CLOSE_SMALL.create(), e -> helpPanel.setVisible(false));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(getTranslation("curriculum.ui.close"));
        close.getStyle().set("float", "right");
        helpPanel.add(close, new Paragraph(text), guide);
    }

    private static Tab tab(String tabId, String label) {
        var tab = new Tab(label);
        tab.setId(tabId);
        return tab;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().get("id").orElse(null);
        var document = id == null ? java.util.Optional.<QualificationDocument>empty() : service.find(id);
        if (document.isEmpty()) {
            removeAll();
            var missing = new H2(getTranslation("curriculum.ui.editor.notFound"));
            missing.setId("not-found");
            add(missing);
            return;
        }
        session = new EditorSession(id, this);
        load(document.get());
        addExtensionTabs();
        // work that came back: the designer reads the reviewer's note first (it heads the Review tab)
        if (editable && document.get().status() == QualificationStatus.CHANGES_REQUESTED) {
            reviewTab().ifPresent(tabs::setSelectedTab);
        }
        event.getLocation().getQueryParameters().getSingleParameter(TARGET_PARAMETER).ifPresent(this::addTargetOccupation);
    }

    /**
     * "Use as target occupation" in the ESCO browser opens the editor with {@code ?target=<occupation URI>}: the
     * occupation joins the working copy (not yet saved) and the profile tab shows it.
     */
    private void addTargetOccupation(String uri) {
        if (!editable || !SkillPicker.isHttpUri(uri)) {
            return;
        }
        tabs.setSelectedIndex(0);
        if (draft.targetOccupations.stream().anyMatch(t -> uri.equals(t.uri))) {
            return;
        }
        form.addTargetOccupation(uri);
        var notification = Notification.show(getTranslation("curriculum.ui.targets.addedFromBrowser"), 6000,
                Notification.Position.BOTTOM_START);
        notification.setId("target-added");
    }

    private void addExtensionTabs() {
        for (var extension : extensions) {
            var content = new Div();
            content.setSizeFull();
            var tab = tabs.add(tab("tab-" + extension.id(), extension.label()), content);
            lazyTabs.put(tab, () -> content.add(extension.create(session)));
            extension.createBadge(session).ifPresent(badges::add);
        }
    }

    /** Shows a document as stored, replacing the working copy. */
    private void load(QualificationDocument document) {
        loaded = document;
        draft = DraftMapper.toDraft(document);
        // another partner's qualification opens read-only, saying whose it is (the service refuses such a save too)
        var partnerRefusal = CurrentUser.isDesigner() ? service.changeRefusal(id, CurrentUser.name())
                : java.util.Optional.<org.qualigraph.base.Message>empty();
        editable = CurrentUser.isDesigner() && QualificationService.isContentEditable(document.status())
                && partnerRefusal.isEmpty();
        heading.setText(document.displayTitle());
        status.setText(EnumLabels.of(document.status()));
        var current = service.edition(id);
        edition.setText(getTranslation(current.published() ? "curriculum.ui.edition" : "curriculum.ui.edition.draft",
                current.revision()));
        save.setEnabled(editable);
        messages.removeAll();
        if (partnerRefusal.isPresent()) {
            var owned = new Span(getTranslation("curriculum.ui.editor.otherPartner", document.ownerOrganisation()));
            owned.setId("read-only-note");
            messages.add(owned);
        } else if (!editable) {
            messages.add(readOnlyNote(document.status()));
        }
        showCoreChanges(document);
        var languages = new ContentLanguages(ContentLanguages.used(document).isEmpty() ? List.of("en")
                : ContentLanguages.used(document));
        languages.install(com.vaadin.flow.component.UI.getCurrent());
        form = new QualificationForm(draft, editable, occupations, this::changed);
        translations = new TranslationPanel(languages, () -> DraftMapper.toDocument(draft), editable);
        profileTab.removeAll();
        lineage(document).ifPresent(profileTab::add);
        profileTab.add(new OwnershipSection(service, accounts, id, document));
        profileTab.add(translations, form);
        shared = new HashMap<>(service.sharedUnits(id));
        showUnits();
        changedElsewhere = false;
        dirty = false;
        setLeaveWarning(false);
        updateTotals();
    }

    /** Shows the working copy's units (again), keeping the selected one. */
    private void showUnits() {
        String selectedUnit = units == null ? null : units.selectedCode();
        units = new UnitsPanel(service, draft, editable, catalog, () -> DraftMapper.toDocument(draft), shared, this::changed);
        if (!unitAnnotations.isEmpty() && session != null) {
            units.setAnnotations(unit -> annotationsFor(unit));
        }
        unitsTab.removeAll();
        unitsTab.add(units);
        unitsTab.setSizeFull();
        if (selectedUnit != null) {
            units.select(selectedUnit);
        }
    }

    /**
     * "Derived from <core>, <date>" with a link to the core and a way to the changes from it, for a national variant:
     * the lineage a reader needs to judge what the variant adds.
     */
    private java.util.Optional<Component> lineage(QualificationDocument document) {
        if (document.derivedFrom() == null) {
            return java.util.Optional.empty();
        }
        return service.lineage(id).map(lineage -> {
            var row = new HorizontalLayout();
            row.setId("lineage");
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.getStyle().set("flex-wrap", "wrap");
            var date = lineage.derivedAt() == null ? "" : org.qualigraph.base.LocalFormats.date(lineage.derivedAt().toLocalDate(), getLocale());
            var text = new Span(getTranslation("curriculum.ui.lineage.derivedFrom"));
            var link = new com.vaadin.flow.router.RouterLink(lineage.coreDisplayTitle(), QualificationEditorView.class,
                    new com.vaadin.flow.router.RouteParameters("id", lineage.coreId()));
            link.setId("lineage-core");
            var when = new Span(date.isEmpty() ? "" : ", " + date);
            when.setId("lineage-date");
            row.add(text, link, when);
            if (extensions.stream().anyMatch(e -> REVISIONS_EXTENSION.equals(e.id()))) {
                var changes = new Button(getTranslation("curriculum.ui.lineage.changes"), e -> tabWithId(REVISIONS_EXTENSION)
                        .ifPresent(tabs::setSelectedTab));
                changes.setId("lineage-changes");
                changes.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                row.add(changes);
            }
            return row;
        });
    }

    /** The banner of a variant whose core changed since it took the core's changes, refreshed after each decision. */
    private void showCoreChanges(QualificationDocument document) {
        messages.getChildren().filter(c -> "core-changes-banner".equals(c.getId().orElse(null))).toList()
                .forEach(messages::remove);
        CoreChangesBanner.of(variants, document, editable, () -> dirty, saved -> {
            if (saved == null) {
                showCoreChanges(document);
            } else {
                load(saved);
                session.fireChanged();
            }
        }).ifPresent(messages::add);
    }

    private java.util.Optional<Component> annotationsFor(UnitDraft unit) {
        var parts = unitAnnotations.stream().map(a -> a.forUnit(session, unit.code, unit.outcomeCodes()))
                .flatMap(java.util.Optional::stream).toList();
        if (parts.isEmpty()) {
            return java.util.Optional.empty();
        }
        var box = new Div();
        parts.forEach(box::add);
        return java.util.Optional.of(box);
    }

    private static boolean isUnderReview(QualificationStatus status) {
        return status == QualificationStatus.IN_REVIEW || status == QualificationStatus.APPROVED;
    }

    /**
     * Why the editor is read-only and what to do about it. While a reviewer holds the qualification the designer is
     * told how to get it back (withdraw, or a reviewer revokes the approval), with a way to the Review tab.
     */
    private Component readOnlyNote(QualificationStatus documentStatus) {
        if (!CurrentUser.isDesigner() || !isUnderReview(documentStatus)) {
            var readOnly = new Span(getTranslation(CurrentUser.isDesigner() ? "curriculum.ui.editor.locked"
                    : "curriculum.ui.editor.readOnly"));
            readOnly.setId("read-only-note");
            return readOnly;
        }
        var text = new Span(getTranslation(documentStatus == QualificationStatus.IN_REVIEW
                ? "curriculum.ui.editor.lockedInReview" : "curriculum.ui.editor.lockedApproved"));
        text.setId("read-only-note");
        var banner = new HorizontalLayout(text);
        banner.setId("review-lock-banner");
        banner.setWidthFull();
        banner.setAlignItems(FlexComponent.Alignment.CENTER);
        banner.getElement().setAttribute("role", "status");
        banner.getStyle().set("background", "var(--lumo-primary-color-10pct)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)");
        if (extensions.stream().anyMatch(e -> REVIEW_EXTENSION.equals(e.id()))) {
            var open = new Button(getTranslation("curriculum.ui.editor.openReview"),
                    e -> reviewTab().ifPresent(tabs::setSelectedTab));
            open.setId("open-review-tab");
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            banner.add(open);
        }
        return banner;
    }

    /** The workflow tab, when the review feature is installed. */
    private java.util.Optional<Tab> reviewTab() {
        return tabWithId(REVIEW_EXTENSION);
    }

    private java.util.Optional<Tab> tabWithId(String extensionId) {
        for (int i = 0; i < tabs.getTabCount(); i++) {
            var tab = tabs.getTabAt(i);
            if (("tab-" + extensionId).equals(tab.getId().orElse(null))) {
                return java.util.Optional.of(tab);
            }
        }
        return java.util.Optional.empty();
    }

    private void changed() {
        dirty = true;
        setLeaveWarning(editable);
        heading.setText(org.qualigraph.curriculum.Texts.display(draft.title));
        updateTotals();
        translations.refreshIfOpen();
        session.fireChanged();
    }

    private void updateTotals() {
        var t = DraftMapper.totals(draft);
        totals.setText(getTranslation("curriculum.ui.totals", t.credits().stripTrailingZeros().toPlainString(), t.hours(),
                t.workBasedHours(), t.workBasedShare()));
    }

    private void save() {
        if (!editable) {
            return;
        }
        clearError();
        form.clearProblems();
        if (!form.writeIfValid() || !units.writeIfValid()) {
            error(getTranslation("curriculum.ui.save.invalid"));
            return;
        }
        try {
            var frozenShared = new HashMap<String, String>();
            draft.units.stream().filter(u -> u.id != null && shared.getOrDefault(u.id, List.of()).stream()
                    .anyMatch(q -> UnitDetails.isFrozen(q.status()))).forEach(u -> frozenShared.put(u.code, u.id));
            var frozenHolders = Map.copyOf(shared);
            var saved = service.update(id, DraftMapper.toDocument(draft), CurrentUser.name());
            load(saved);
            session.fireChanged();
            Notification.show(getTranslation("curriculum.ui.saved"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            tellCopies(saved, frozenShared, frozenHolders);
        } catch (BadInputException e) {
            showProblems(e.problems());
        } catch (UnitConflictException e) {
            showUnitConflicts(e);
        } catch (ConflictException e) {
            showConflict(e);
        }
    }

    /**
     * Shared units were changed through another qualification since this copy was read, and the designer changed them
     * too: for each unit both versions side by side, and the designer's choice for that unit. Nothing else typed is
     * lost: the choices are applied to the working copy and it is saved with all the designer's other edits.
     */
    private void showUnitConflicts(UnitConflictException e) {
        var mine = UnitConflictDialog.byId(DraftMapper.toDocument(draft).units());
        var stored = service.find(id).map(d -> UnitConflictDialog.byId(d.units())).orElse(Map.of());
        // a unit adopted since loading is not in this qualification's stored copy: the one it was changed in holds it
        var sides = e.units().stream().map(c -> new UnitConflictDialog.Side(c, mine.get(c.id()), stored.containsKey(c.id())
                ? stored.get(c.id()) : c.changedIn() == null ? null : service.find(c.changedIn())
                .map(d -> UnitConflictDialog.byId(d.units()).get(c.id())).orElse(null)))
                // in the order the designer sees the units (the service names them by id)
                .sorted(java.util.Comparator.comparingInt(side -> position(side.conflict().id()))).toList();
        new UnitConflictDialog(sides, q -> service.find(q).map(QualificationDocument::displayTitle).orElse(q),
                choices -> resolve(sides, choices)).open();
    }

    private int position(String unitId) {
        for (int i = 0; i < draft.units.size(); i++) {
            if (unitId.equals(draft.units.get(i).id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * Applies the designer's choice per conflicting unit to the working copy and saves it. Taking theirs puts the stored
     * unit in place of the designer's version (this qualification's own mandatory flag and prerequisites stay); applying
     * mine on top keeps the fields the designer changed since loading over the stored unit (see
     * {@link UnitConflictDialog#onTop}) and claims the stored version. Units not in conflict and the profile stay as typed.
     */
    void resolve(List<UnitConflictDialog.Side> sides, Map<String, UnitConflictDialog.Choice> choices) {
        var base = loaded == null ? Map.<String, org.qualigraph.curriculum.UnitDocument>of() : UnitConflictDialog.byId(loaded.units());
        for (var side : sides) {
            String unitId = side.conflict().id();
            var choice = choices.get(unitId);
            for (int i = 0; i < draft.units.size(); i++) {
                var unit = draft.units.get(i);
                if (!unitId.equals(unit.id)) {
                    continue;
                }
                if (choice == UnitConflictDialog.Choice.THEIRS && side.theirs() != null) {
                    var theirs = DraftMapper.toDraft(side.theirs());
                    theirs.mandatory = unit.mandatory;
                    theirs.prerequisites = unit.prerequisites;
                    draft.units.set(i, theirs);
                } else if (choice == UnitConflictDialog.Choice.MINE && side.mine() != null) {
                    var merged = DraftMapper.toDraft(UnitConflictDialog.onTop(base.get(unitId), side.mine(), side.theirs()));
                    merged.version = side.theirs() == null ? side.conflict().storedVersion() : side.theirs().version();
                    draft.units.set(i, merged);
                }
            }
        }
        showUnits();
        changed();
        save();
    }

    /**
     * Whether this qualification, or one of the shared units of the working copy, was changed elsewhere (another
     * editor, another instance) since it was loaded; says so once, above the tabs, with a way to reload. Called every
     * few seconds while the editor is open.
     */
    void checkChangedElsewhere() {
        if (changedElsewhere || draft == null || id == null) {
            return;
        }
        var now = service.versions(id);
        if (now.isEmpty()) {
            return;
        }
        var changedUnits = draft.units.stream().filter(u -> u.id != null && u.version != null
                && now.get().units().containsKey(u.id) && now.get().units().get(u.id) > u.version).map(u -> u.code).toList();
        boolean qualification = draft.version != null && now.get().version() != draft.version;
        if (!qualification && changedUnits.isEmpty()) {
            return;
        }
        changedElsewhere = true;
        var text = new Span(qualification ? getTranslation("curriculum.ui.changedElsewhere")
                : getTranslation("curriculum.ui.changedElsewhere.units", String.join(", ", changedUnits)));
        var reloadNow = new Button(getTranslation("curriculum.ui.reload"), click -> reload());
        reloadNow.setId("changed-elsewhere-reload");
        var box = new HorizontalLayout(text, reloadNow);
        box.setId("changed-elsewhere");
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        box.getElement().setAttribute("role", "status");
        box.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("padding", "0 var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        messages.add(box);
    }

    /** Names the units the service copied because a locked (in review, approved, published, archived) one holds the original. */
    private void tellCopies(QualificationDocument saved, Map<String, String> frozenShared,
                            Map<String, List<org.qualigraph.curriculum.QualificationSummary>> holders) {
        var copied = saved.units().stream().filter(u -> frozenShared.containsKey(u.code())
                && !frozenShared.get(u.code()).equals(u.id())).toList();
        if (copied.isEmpty()) {
            return;
        }
        String codes = String.join(", ", copied.stream().map(org.qualigraph.curriculum.UnitDocument::code).toList());
        String titles = String.join(", ", copied.stream().flatMap(u -> holders.get(frozenShared.get(u.code())).stream())
                .filter(q -> UnitDetails.isFrozen(q.status())).map(org.qualigraph.curriculum.QualificationSummary::displayTitle)
                .distinct().toList());
        var notification = Notification.show(getTranslation("curriculum.ui.unit.copiedLocked", codes, titles), 10000,
                Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        notification.setId("unit-copied");
    }

    private void showProblems(List<FieldProblem> problems) {
        var rest = form.showProblems(problems);
        if (!rest.isEmpty() || problems.isEmpty()) {
            var lines = new java.util.ArrayList<String>();
            rest.forEach(p -> lines.add(ProblemText.describe(p, draft, this::getTranslation)));
            error(getTranslation("curriculum.ui.save.problems"), lines);
            rest.stream().map(p -> ProblemText.unitIndex(p.field())).filter(i -> i >= 0 && i < draft.units.size())
                    .findFirst().ifPresent(i -> showUnit(draft.units.get(i).code));
        } else {
            tabs.setSelectedIndex(0);
            error(getTranslation("curriculum.ui.save.invalid"));
        }
    }

    private void showConflict(ConflictException e) {
        messages.removeAll();
        var stored = service.find(id);
        boolean stale = stored.isEmpty() || !java.util.Objects.equals(stored.get().version(), draft.version);
        var text = new Paragraph(stale ? getTranslation("curriculum.ui.conflict") : e.message(getLocale()));
        var reloadNow = new Button(getTranslation("curriculum.ui.reload"), click -> reload());
        reloadNow.setId("conflict-reload");
        var box = new HorizontalLayout(text, reloadNow);
        box.setId("conflict-message");
        box.setAlignItems(FlexComponent.Alignment.CENTER);
        box.getStyle().set("background", "var(--lumo-error-color-10pct)").set("padding", "0 var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        messages.add(box);
    }

    private void error(String message) {
        error(message, List.of());
    }

    /**
     * Why a save was refused, shown above the tabs (not over the form) until the next save or reload; the fields
     * concerned are marked as well. Only one such message is ever shown.
     */
    private void error(String message, List<String> details) {
        clearError();
        var box = new Div();
        box.setId("editor-error");
        box.getElement().setAttribute("role", "alert");
        box.getStyle().set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)");
        box.add(new Span(message));
        if (!details.isEmpty()) {
            var list = new com.vaadin.flow.component.html.UnorderedList();
            details.forEach(d -> list.add(new com.vaadin.flow.component.html.ListItem(d)));
            list.getStyle().set("margin", "var(--lumo-space-xs) 0 0 0");
            box.add(list);
        }
        messages.add(box);
    }

    private void clearError() {
        messages.getChildren().filter(c -> "editor-error".equals(c.getId().orElse(null))).toList().forEach(messages::remove);
    }

    private void confirmDiscard(Runnable action) {
        if (!dirty) {
            action.run();
            return;
        }
        var dialog = new ConfirmDialog(getTranslation("curriculum.ui.unsaved.title"), getTranslation("curriculum.ui.unsaved.text"),
                getTranslation("curriculum.ui.unsaved.discard"), e -> action.run());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("curriculum.ui.unsaved.stay"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("unsaved-dialog");
        dialog.open();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (dirty && editable) {
            // A postponed navigation pauses the browser's router until the server proceeds or cancels it: "Stay" (or
            // Escape) must cancel, otherwise every later menu click waits for an answer that never comes.
            var action = event.postpone();
            var dialog = new ConfirmDialog(getTranslation("curriculum.ui.unsaved.title"),
                    getTranslation("curriculum.ui.unsaved.text"), getTranslation("curriculum.ui.unsaved.discard"),
                    e -> {
                        dirty = false;
                        setLeaveWarning(false);
                        action.proceed();
                    });
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("curriculum.ui.unsaved.stay"));
            dialog.addCancelListener(e -> action.cancel());
            dialog.setConfirmButtonTheme("error primary");
            dialog.setId("unsaved-dialog");
            dialog.open();
        }
    }

    /**
     * Asks the browser to warn before a reload or closing the tab while there are unsaved edits (the router guard above
     * only covers navigation inside the app). Browsers show their own wording; the handler only has to cancel the event.
     */
    private void setLeaveWarning(boolean on) {
        if (leaveWarning == on) {
            return;
        }
        leaveWarning = on;
        getUI().or(() -> java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()))
                .ifPresent(ui -> ui.getPage().executeJs(on
                        ? "if (!window.qgUnsavedGuard) { window.qgUnsavedGuard = e => { e.preventDefault();"
                        + " e.returnValue = ''; }; window.addEventListener('beforeunload', window.qgUnsavedGuard); }"
                        : "if (window.qgUnsavedGuard) { window.removeEventListener('beforeunload', window.qgUnsavedGuard);"
                        + " window.qgUnsavedGuard = null; }"));
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // the version is polled, so a change made on any instance shows within seconds
        attachEvent.getUI().setPollInterval(POLL_MILLIS);
        pollRegistration = attachEvent.getUI().addPollListener(e -> checkChangedElsewhere());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        setLeaveWarning(false);
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        detachEvent.getUI().setPollInterval(-1);
        super.onDetach(detachEvent);
    }

    boolean hasUnsavedChanges() {
        return dirty;
    }

    @Override
    public QualificationDraft draft() {
        return draft;
    }

    @Override
    public boolean editable() {
        return editable;
    }

    @Override
    public void showUnit(String unitCode) {
        tabs.setSelectedTab((Tab) tabs.getTabAt(1));
        units.select(unitCode);
    }

    @Override
    public void showOutcome(String outcomeCode) {
        tabs.setSelectedTab((Tab) tabs.getTabAt(1));
        units.focusOutcome(outcomeCode);
    }

    @Override
    public void contentChanged() {
        units.refreshSelected();
        changed();
    }

    @Override
    public void reload() {
        var document = service.find(id);
        if (document.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate(QualificationListView.class));
            return;
        }
        load(document.get());
        session.fireChanged();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.qualification");
    }
}
