package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.math.BigDecimal;
import java.util.List;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.DeliveryMode;

/**
 * The facts of one unit. Like the profile form it uses a buffered binder and writes only valid input into the
 * working copy, so an invalid code or level never ends up in a saved document.
 */
class UnitForm extends FormLayout {

    private final Binder<UnitDraft> binder = new Binder<>(UnitDraft.class);
    private final UnitDraft unit;

    UnitForm(UnitDraft unit, List<String> otherUnitCodes, boolean editable, Runnable onChange) {
        this.unit = unit;
        setId("unit-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 3));
        var code = new TextField(getTranslation("curriculum.ui.code"));
        code.setId("unit-code");
        binder.forField(code)
                .withValidator(v -> v != null && !v.isBlank(), getTranslation("curriculum.ui.code.required"))
                .withValidator(v -> v == null || v.strip().length() <= 64, getTranslation("curriculum.ui.code.length"))
                .withValidator(v -> v == null || !otherUnitCodes.contains(v.strip()), getTranslation("curriculum.ui.code.duplicate"))
                .bind(UnitDraft::getCode, UnitDraft::setCode);
        var title = new MultilingualField(getTranslation("curriculum.ui.title"), false);
        title.setId("unit-title");
        binder.forField(title)
                .withValidator(v -> MultilingualField.badLanguages(v).isEmpty(), getTranslation("curriculum.ui.language.bad"))
                .bind(UnitDraft::getTitle, UnitDraft::setTitle);
        var eqf = new IntegerField(getTranslation("curriculum.ui.eqf"));
        eqf.setId("unit-eqf");
        eqf.setHelperText(getTranslation("curriculum.ui.eqf.help"));
        binder.forField(eqf).withValidator(v -> v == null || (v >= 1 && v <= 8), getTranslation("curriculum.ui.eqf.range"))
                .bind(UnitDraft::getEqfLevel, UnitDraft::setEqfLevel);
        var credits = new BigDecimalField(getTranslation("curriculum.ui.credits"));
        credits.setId("unit-credits");
        binder.forField(credits)
                .withValidator(v -> v == null || (v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0),
                        getTranslation("curriculum.ui.credits.range"))
                .bind(UnitDraft::getCredits, UnitDraft::setCredits);
        var hours = new IntegerField(getTranslation("curriculum.ui.hours"));
        hours.setId("unit-hours");
        binder.forField(hours).withValidator(v -> v == null || (v >= 0 && v <= 100000), getTranslation("curriculum.ui.hours.range"))
                .bind(UnitDraft::getHours, UnitDraft::setHours);
        var mandatory = new Checkbox(getTranslation("curriculum.ui.mandatory"));
        mandatory.setId("unit-mandatory");
        binder.forField(mandatory).bind(UnitDraft::isMandatory, UnitDraft::setMandatory);
        var prerequisites = new MultiSelectComboBox<String>(getTranslation("curriculum.ui.prerequisites"));
        prerequisites.setId("unit-prerequisites");
        prerequisites.setItems(otherUnitCodes);
        binder.forField(prerequisites).bind(UnitDraft::getPrerequisites, UnitDraft::setPrerequisites);
        var delivery = new MultiSelectComboBox<DeliveryMode>(getTranslation("curriculum.ui.deliveryModes"));
        delivery.setId("unit-delivery");
        delivery.setItems(DeliveryMode.values());
        delivery.setItemLabelGenerator(EnumLabels::of);
        binder.forField(delivery).bind(UnitDraft::getDeliveryModes, UnitDraft::setDeliveryModes);

        add(code, eqf, mandatory);
        add(title, 3);
        add(credits, hours, delivery);
        add(prerequisites, 3);
        binder.readBean(unit);
        binder.setReadOnly(!editable);
        binder.addValueChangeListener(e -> {
            if (binder.writeBeanIfValid(unit)) {
                onChange.run();
            }
        });
    }

    boolean writeIfValid() {
        boolean valid = binder.writeBeanIfValid(unit);
        if (!valid) {
            binder.validate();
        }
        return valid;
    }
}
