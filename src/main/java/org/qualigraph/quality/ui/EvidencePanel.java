package org.qualigraph.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.qualigraph.base.BadInputException;
import org.qualigraph.curriculum.EditorContext;
import org.qualigraph.quality.Governance;
import org.qualigraph.quality.GovernanceRecordService;

/**
 * The evidence tab: the governance record the ESG and EQAVET rules read (stakeholders, evidence per quality-cycle
 * phase, next periodic review, indicator values, review actions tied to evaluation findings). Edits are kept in a
 * working copy and stored only on Save, so leaving the tab changes nothing.
 */
class EvidencePanel extends VerticalLayout {

    private final transient EditorContext context;
    private final transient GovernanceRecordService governance;
    private final boolean editable;

    private final List<Governance.Stakeholder> stakeholders = new ArrayList<>();
    private final List<Governance.EvidenceItem> evidence = new ArrayList<>();
    private final List<Governance.IndicatorValue> indicators = new ArrayList<>();
    private final List<Governance.ReviewAction> actions = new ArrayList<>();
    private final Grid<Governance.Stakeholder> stakeholderGrid = new Grid<>();
    private final Grid<Governance.EvidenceItem> evidenceGrid = new Grid<>();
    private final Grid<Governance.IndicatorValue> indicatorGrid = new Grid<>();
    private final Grid<Governance.ReviewAction> actionGrid = new Grid<>();
    private final DatePicker nextReview = new DatePicker();
    private final ComboBox<Governance.EvidenceItem> finding = new ComboBox<>();
    private final Div errors = new Div();
    private final Paragraph approval = new Paragraph();

    EvidencePanel(EditorContext context, GovernanceRecordService governance) {
        this.context = context;
        this.governance = governance;
        var roles = WorkflowTexts.roles();
        this.editable = roles.contains("DESIGNER") || roles.contains("REVIEWER");
        setId("evidence-panel");
        setPadding(false);
        approval.setId("evidence-approval");
        errors.setId("evidence-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");
        nextReview.setId("evidence-next-review");
        nextReview.setLabel(getTranslation("evidence.nextReview"));
        nextReview.setReadOnly(!editable);
        org.qualigraph.base.LocalFormats.localise(nextReview, getLocale());
        var save = new Button(getTranslation("evidence.save"), e -> save());
        save.setId("evidence-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);
        add(approval, new H3(getTranslation("evidence.stakeholders")), stakeholderGrid, stakeholderForm(),
                new H3(getTranslation("evidence.items")), evidenceGrid, evidenceForm(),
                new H3(getTranslation("evidence.indicators")), indicatorGrid, indicatorForm(),
                new H3(getTranslation("evidence.actions")), actionGrid, actionForm(), nextReview, errors, save);
        configureGrids();
        load();
    }

    private void load() {
        var record = governance.get(context.qualificationId());
        stakeholders.clear();
        stakeholders.addAll(record.stakeholders());
        evidence.clear();
        evidence.addAll(record.evidence());
        indicators.clear();
        indicators.addAll(record.indicators());
        actions.clear();
        actions.addAll(record.actions());
        nextReview.setValue(record.nextReviewDate());
        var a = record.approval();
        approval.setText(a == null ? getTranslation("evidence.approval.none")
                : getTranslation("evidence.approval", a.body(), org.qualigraph.base.LocalFormats.date(a.date(), getLocale()),
                        a.decision(), a.approvedBy()));
        refreshGrids();
    }

    private void configureGrids() {
        stakeholderGrid.setId("evidence-stakeholders");
        stakeholderGrid.addColumn(Governance.Stakeholder::name).setHeader(getTranslation("evidence.name"));
        stakeholderGrid.addColumn(s -> s.organisation() == null ? "" : s.organisation()).setHeader(getTranslation("evidence.organisation"));
        stakeholderGrid.addColumn(s -> getTranslation("evidence.kind." + s.kind())).setHeader(getTranslation("evidence.kind"));
        stakeholderGrid.addComponentColumn(s -> remove(() -> stakeholders.remove(s)));
        evidenceGrid.setId("evidence-items");
        evidenceGrid.addColumn(e -> getTranslation("evidence.phase." + e.phase())).setHeader(getTranslation("evidence.phase"));
        evidenceGrid.addColumn(Governance.EvidenceItem::text).setHeader(getTranslation("evidence.text"));
        evidenceGrid.addColumn(e -> e.link() == null ? "" : e.link()).setHeader(getTranslation("evidence.link"));
        evidenceGrid.addColumn(e -> e.date() == null ? "" : e.date().toString()).setHeader(getTranslation("evidence.date"));
        evidenceGrid.addComponentColumn(e -> remove(() -> evidence.remove(e)));
        indicatorGrid.setId("evidence-indicators");
        indicatorGrid.addColumn(i -> getTranslation("evidence.indicator." + i.indicator())).setHeader(getTranslation("evidence.indicator"));
        indicatorGrid.addColumn(Governance.IndicatorValue::value).setHeader(getTranslation("evidence.value"));
        indicatorGrid.addColumn(Governance.IndicatorValue::referencePeriod).setHeader(getTranslation("evidence.period"));
        indicatorGrid.addComponentColumn(i -> remove(() -> indicators.remove(i)));
        actionGrid.setId("evidence-actions");
        actionGrid.addColumn(Governance.ReviewAction::text).setHeader(getTranslation("evidence.text"));
        actionGrid.addColumn(a -> evidence.stream().filter(e -> e.id().equals(a.findingId())).map(Governance.EvidenceItem::text)
                .findFirst().orElse("")).setHeader(getTranslation("evidence.finding"));
        actionGrid.addColumn(a -> a.done() ? "✓" : "").setHeader(getTranslation("evidence.done"));
        actionGrid.addComponentColumn(a -> remove(() -> actions.remove(a)));
        for (var grid : List.of(stakeholderGrid, evidenceGrid, indicatorGrid, actionGrid)) {
            grid.setAllRowsVisible(true);
        }
    }

    private Component remove(Runnable removal) {
        var button = new Button(getTranslation("evidence.remove"), e -> {
            removal.run();
            refreshGrids();
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setVisible(editable);
        return button;
    }

    private Component stakeholderForm() {
        var name = new TextField(getTranslation("evidence.name"));
        name.setId("stakeholder-name");
        var organisation = new TextField(getTranslation("evidence.organisation"));
        organisation.setId("stakeholder-organisation");
        var kind = new Select<Governance.StakeholderKind>();
        kind.setId("stakeholder-kind");
        kind.setLabel(getTranslation("evidence.kind"));
        kind.setItems(Governance.StakeholderKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("evidence.kind." + k));
        var add = new Button(getTranslation("evidence.add"), e -> {
            stakeholders.add(new Governance.Stakeholder(null, name.getValue(), organisation.getValue(), kind.getValue()));
            name.clear();
            organisation.clear();
            refreshGrids();
        });
        add.setId("stakeholder-add");
        return row(name, organisation, kind, add);
    }

    private Component evidenceForm() {
        var phase = new Select<Governance.QualityPhase>();
        phase.setId("evidence-phase");
        phase.setLabel(getTranslation("evidence.phase"));
        phase.setItems(Governance.QualityPhase.values());
        phase.setItemLabelGenerator(p -> getTranslation("evidence.phase." + p));
        var text = new TextField(getTranslation("evidence.text"));
        text.setId("evidence-text");
        var link = new TextField(getTranslation("evidence.link"));
        link.setId("evidence-link");
        var date = new DatePicker(getTranslation("evidence.date"));
        org.qualigraph.base.LocalFormats.localise(date, getLocale());
        date.setId("evidence-date");
        var add = new Button(getTranslation("evidence.add"), e -> {
            evidence.add(new Governance.EvidenceItem(UUID.randomUUID().toString(), phase.getValue(), text.getValue(),
                    link.getValue(), date.getValue()));
            text.clear();
            link.clear();
            refreshGrids();
        });
        add.setId("evidence-add");
        return row(phase, text, link, date, add);
    }

    private Component indicatorForm() {
        var indicator = new Select<Integer>();
        indicator.setId("indicator-number");
        indicator.setLabel(getTranslation("evidence.indicator"));
        indicator.setItems(3, 4, 5, 6);
        indicator.setItemLabelGenerator(i -> getTranslation("evidence.indicator." + i));
        var value = new TextField(getTranslation("evidence.value"));
        value.setId("indicator-value");
        var period = new TextField(getTranslation("evidence.period"));
        period.setId("indicator-period");
        period.setPlaceholder("2025/26");
        var add = new Button(getTranslation("evidence.add"), e -> {
            indicators.add(new Governance.IndicatorValue(indicator.getValue() == null ? 0 : indicator.getValue(),
                    value.getValue(), period.getValue()));
            value.clear();
            refreshGrids();
        });
        add.setId("indicator-add");
        return row(indicator, value, period, add);
    }

    private Component actionForm() {
        var text = new TextField(getTranslation("evidence.text"));
        text.setId("action-text");
        finding.setId("action-finding");
        finding.setLabel(getTranslation("evidence.finding"));
        finding.setItemLabelGenerator(Governance.EvidenceItem::text);
        var done = new Checkbox(getTranslation("evidence.done"));
        done.setId("action-done");
        var add = new Button(getTranslation("evidence.add"), e -> {
            actions.add(new Governance.ReviewAction(null, text.getValue(),
                    finding.getValue() == null ? null : finding.getValue().id(), done.getValue()));
            text.clear();
            refreshGrids();
        });
        add.setId("action-add");
        return row(text, finding, done, add);
    }

    private Component row(Component... components) {
        var row = new HorizontalLayout(components);
        row.setAlignItems(Alignment.BASELINE);
        row.setVisible(editable);
        return row;
    }

    /** The form's words for each part of a refused field's path ({@code stakeholders[0].name}). */
    private static final java.util.Map<String, String> FIELD_KEYS = java.util.Map.ofEntries(
            java.util.Map.entry("stakeholders", "evidence.stakeholders"), java.util.Map.entry("evidence", "evidence.items"),
            java.util.Map.entry("indicators", "evidence.indicators"), java.util.Map.entry("actions", "evidence.actions"),
            java.util.Map.entry("name", "evidence.name"), java.util.Map.entry("organisation", "evidence.organisation"),
            java.util.Map.entry("kind", "evidence.kind"), java.util.Map.entry("phase", "evidence.phase"),
            java.util.Map.entry("text", "evidence.text"), java.util.Map.entry("link", "evidence.link"),
            java.util.Map.entry("indicator", "evidence.indicator"), java.util.Map.entry("value", "evidence.value"),
            java.util.Map.entry("referencePeriod", "evidence.period"), java.util.Map.entry("findingId", "evidence.finding"));

    /** "Stakeholders 1 · Name" for {@code stakeholders[0].name}; a part the form has no word for stays as it is. */
    private String fieldLabel(String path) {
        var parts = new java.util.ArrayList<String>();
        for (String segment : path.split("\\.")) {
            var m = java.util.regex.Pattern.compile("(\\w+)(?:\\[(\\d+)])?").matcher(segment);
            if (!m.matches()) {
                parts.add(segment);
                continue;
            }
            String key = FIELD_KEYS.get(m.group(1));
            String word = key == null ? m.group(1) : getTranslation(key);
            parts.add(m.group(2) == null ? word : word + " " + (Integer.parseInt(m.group(2)) + 1));
        }
        return String.join(" · ", parts);
    }

    private void refreshGrids() {
        stakeholderGrid.setItems(List.copyOf(stakeholders));
        evidenceGrid.setItems(List.copyOf(evidence));
        indicatorGrid.setItems(List.copyOf(indicators));
        actionGrid.setItems(List.copyOf(actions));
        finding.setItems(evidence.stream().filter(e -> e.phase() == Governance.QualityPhase.EVALUATION).toList());
    }

    private void save() {
        errors.removeAll();
        try {
            governance.update(context.qualificationId(), new Governance(stakeholders, evidence, null, nextReview.getValue(),
                    indicators, actions), WorkflowTexts.user());
        } catch (BadInputException e) {
            e.problems().forEach(p -> errors.add(new Paragraph((p.field() == null || p.field().isEmpty() ? ""
                    : fieldLabel(p.field()) + ": ") + p.message(getLocale()))));
            return;
        }
        Notification.show(getTranslation("evidence.saved"));
        load();
    }
}
