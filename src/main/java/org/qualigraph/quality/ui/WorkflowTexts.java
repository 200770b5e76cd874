package org.qualigraph.quality.ui;

import com.vaadin.flow.component.UI;
import java.util.Set;
import org.qualigraph.base.CurrentUser;

/** Small helpers of the workflow views: translations outside a component and the signed-in user. */
final class WorkflowTexts {

    private WorkflowTexts() {
    }

    static String t(String key, Object... params) {
        var ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key, params);
    }

    static String user() {
        return CurrentUser.name();
    }

    static Set<String> roles() {
        return CurrentUser.roles();
    }
}
