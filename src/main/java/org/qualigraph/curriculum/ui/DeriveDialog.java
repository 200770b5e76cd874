package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.qualigraph.base.BadInputException;
import org.qualigraph.curriculum.OrganisationKind;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationSummary;
import org.qualigraph.curriculum.VariantRequest;

/**
 * Asks for what makes a national variant national: its title, the country, its level in that country's framework
 * (with the framework's URI) and the awarding body. These replace the core's national data. A field the service
 * refuses is marked in place and the dialog stays open.
 */
class DeriveDialog extends Dialog {

    private final TextField title = new TextField();
    private final ComboBox<String> country = new ComboBox<>();
    private final ComboBox<String> titleLanguage = new ComboBox<>();
    private final TextField nqfLevel = new TextField();
    private final TextField nqfLevelUri = new TextField();
    private final TextField bodyName = new TextField();
    private final Select<OrganisationKind> bodyKind = new Select<>();
    private final Paragraph other = new Paragraph();

    /** {@code onDerive} stores the variant; a {@link BadInputException} it throws is shown on the fields. */
    DeriveDialog(QualificationSummary source, Consumer<VariantRequest> onDerive) {
        setHeaderTitle(getTranslation("curriculum.ui.list.derive"));
        setId("derive-dialog");
        setWidth("36em");
        var intro = new Paragraph(getTranslation("curriculum.ui.derive.intro", source.displayTitle()));
        title.setId("derive-title");
        titleLanguage.setId("derive-title-language");
        titleLanguage.setLabel(getTranslation("curriculum.ui.derive.titleLanguage"));
        titleLanguage.setItems(ContentLanguages.CODES);
        titleLanguage.setItemLabelGenerator(ContentLanguages::name);
        titleLanguage.addValueChangeListener(e -> title.setLabel(getTranslation("curriculum.ui.derive.title",
                ContentLanguages.name(e.getValue() == null ? "en" : e.getValue()))));
        titleLanguage.setValue("en");
        title.setValue(source.displayTitle() + " (" + getTranslation("curriculum.ui.derive.variant") + ")");
        title.setRequired(true);
        country.setLabel(getTranslation("curriculum.ui.derive.country"));
        country.setId("derive-country");
        country.setRequired(true);
        Locale locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        Countries.configure(country, null, locale);
        // the variant is for that country's authority: its title is asked for in the country's language
        country.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                titleLanguage.setValue(ContentLanguages.ofCountry(e.getValue()));
            }
        });
        nqfLevel.setLabel(getTranslation("curriculum.ui.derive.nqfLevel"));
        nqfLevel.setId("derive-nqf-level");
        nqfLevel.setRequired(true);
        nqfLevel.setMaxLength(20);
        nqfLevelUri.setLabel(getTranslation("curriculum.ui.derive.nqfLevelUri"));
        nqfLevelUri.setId("derive-nqf-uri");
        nqfLevelUri.setHelperText(getTranslation("curriculum.ui.derive.nqfLevelUri.help"));
        bodyName.setLabel(getTranslation("curriculum.ui.derive.body"));
        bodyName.setId("derive-body");
        bodyKind.setLabel(getTranslation("curriculum.ui.derive.bodyKind"));
        bodyKind.setId("derive-body-kind");
        bodyKind.setItems(OrganisationKind.values());
        bodyKind.setItemLabelGenerator(kind -> kind == null ? "" : getTranslation("curriculum.ui.derive.kind." + kind.name()));
        bodyKind.setEmptySelectionAllowed(true);
        other.setId("derive-errors");
        other.getStyle().set("color", "var(--lumo-error-text-color)");
        var form = new FormLayout(country, titleLanguage, title, nqfLevel, nqfLevelUri, bodyName, bodyKind);
        form.setColspan(title, 2);
        form.setColspan(nqfLevelUri, 2);
        add(intro, form, other);
        var derive = new Button(getTranslation("curriculum.ui.list.derive"), e -> derive(onDerive));
        derive.setId("derive-confirm");
        derive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("curriculum.ui.cancel"), e -> close());
        cancel.setId("derive-cancel");
        getFooter().add(cancel, derive);
    }

    private void derive(Consumer<VariantRequest> onDerive) {
        for (var field : List.of(title, nqfLevel, nqfLevelUri, bodyName)) {
            field.setInvalid(false);
        }
        country.setInvalid(false);
        other.setText("");
        if (title.getValue().isBlank()) {
            title.setErrorMessage(getTranslation("curriculum.ui.required"));
            title.setInvalid(true);
            return;
        }
        var bodies = bodyName.getValue().isBlank() ? List.<QualificationDocument.AwardingBody>of()
                : List.of(new QualificationDocument.AwardingBody(bodyName.getValue().strip(), country.getValue(), bodyKind.getValue()));
        var request = new VariantRequest(Map.of(titleLanguage.getValue() == null ? "en" : titleLanguage.getValue(), title.getValue().strip()), country.getValue(), nqfLevel.getValue(),
                nqfLevelUri.getValue(), bodies);
        try {
            onDerive.accept(request);
            close();
        } catch (BadInputException e) {
            e.problems().forEach(problem -> {
                String field = problem.field() == null ? "" : problem.field();
                if (field.equals("country") || field.startsWith("awardingBodies[0].country")) {
                    mark(country, "curriculum.ui.derive.country.invalid");
                } else if (field.equals("nqfLevel")) {
                    nqfLevel.setErrorMessage(getTranslation("curriculum.ui.derive.nqfLevel.invalid"));
                    nqfLevel.setInvalid(true);
                } else if (field.equals("nqfLevelUri")) {
                    nqfLevelUri.setErrorMessage(getTranslation("curriculum.ui.derive.nqfLevelUri.invalid"));
                    nqfLevelUri.setInvalid(true);
                } else if (field.startsWith("awardingBodies")) {
                    bodyName.setErrorMessage(getTranslation("curriculum.ui.derive.body.invalid"));
                    bodyName.setInvalid(true);
                } else if (field.startsWith("title")) {
                    title.setErrorMessage(getTranslation("curriculum.ui.required"));
                    title.setInvalid(true);
                } else {
                    other.setText(getTranslation("curriculum.ui.derive.failed"));
                }
            });
        }
    }

    private void mark(ComboBox<String> field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }
}
