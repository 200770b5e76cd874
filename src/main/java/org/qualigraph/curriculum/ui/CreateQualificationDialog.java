package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.qualigraph.base.EnumLabels;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationType;

/** Asks for the few facts a new qualification needs (English title, type, EQF level) before the editor opens. */
class CreateQualificationDialog extends Dialog {

    CreateQualificationDialog(Consumer<QualificationDocument> onCreate) {
        setHeaderTitle(getTranslation("curriculum.ui.list.new"));
        setId("new-qualification-dialog");
        var title = new TextField(getTranslation("curriculum.ui.create.title"));
        title.setId("new-title");
        title.setRequired(true);
        title.setWidthFull();
        var type = new Select<QualificationType>();
        type.setLabel(getTranslation("curriculum.ui.type"));
        type.setId("new-type");
        type.setItems(QualificationType.values());
        type.setItemLabelGenerator(EnumLabels::of);
        type.setValue(QualificationType.IVET);
        var eqf = new IntegerField(getTranslation("curriculum.ui.eqf"));
        eqf.setId("new-eqf");
        eqf.setMin(1);
        eqf.setMax(8);
        eqf.setValue(4);
        eqf.setHelperText(getTranslation("curriculum.ui.eqf.help"));
        add(new FormLayout(title, type, eqf));
        var create = new Button(getTranslation("curriculum.ui.create"), e -> {
            if (title.getValue().isBlank()) {
                title.setInvalid(true);
                title.setErrorMessage(getTranslation("curriculum.ui.required"));
                return;
            }
            if (eqf.getValue() == null || eqf.getValue() < 1 || eqf.getValue() > 8) {
                eqf.setInvalid(true);
                eqf.setErrorMessage(getTranslation("curriculum.ui.eqf.range"));
                return;
            }
            close();
            onCreate.accept(new QualificationDocument(null, null, Map.of("en", title.getValue().strip()), null,
                    type.getValue(), eqf.getValue(), null, null, null, null, null, null, null, null, null, null, List.of()));
        });
        create.setId("create-qualification");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("curriculum.ui.cancel"), e -> close()), create);
    }
}
