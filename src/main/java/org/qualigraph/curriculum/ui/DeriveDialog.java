package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.qualigraph.curriculum.QualificationSummary;

/** Asks for the English title of a national variant derived from a qualification. */
class DeriveDialog extends Dialog {

    DeriveDialog(QualificationSummary source, Consumer<String> onDerive) {
        setHeaderTitle(getTranslation("curriculum.ui.list.derive"));
        setId("derive-dialog");
        var title = new TextField(getTranslation("curriculum.ui.derive.title"));
        title.setId("derive-title");
        title.setValue(source.displayTitle() + " (" + getTranslation("curriculum.ui.derive.variant") + ")");
        title.setWidth("30em");
        add(title);
        var derive = new Button(getTranslation("curriculum.ui.list.derive"), e -> {
            if (title.getValue().isBlank()) {
                title.setInvalid(true);
                title.setErrorMessage(getTranslation("curriculum.ui.required"));
                return;
            }
            close();
            onDerive.accept(title.getValue().strip());
        });
        derive.setId("derive-confirm");
        derive.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("curriculum.ui.cancel"), e -> close()), derive);
    }
}
