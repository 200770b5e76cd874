package org.qualigraph.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;

/**
 * The interface language switch of the header and the login page: each language by its own name, so a user finds
 * theirs whatever the screen shows. A pick is applied at once by reloading the page, which builds every view again in
 * the new language.
 */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch(UiLanguage languages) {
        setId("language-switch");
        setItems(UiLanguages.LOCALES);
        setItemLabelGenerator(UiLanguages::name);
        setAriaLabel(getTranslation("language.switch"));
        setTooltipText(getTranslation("language.switch"));
        setWidth("9em");
        UI ui = UI.getCurrent();
        setValue(UiLanguages.match(java.util.List.of(ui == null ? Locale.ENGLISH : ui.getLocale())));
        addValueChangeListener(e -> {
            UI current = UI.getCurrent();
            if (current != null && e.getValue() != null && !e.getValue().equals(current.getLocale())) {
                languages.choose(current, e.getValue());
                current.getPage().reload();
            }
        });
    }
}
