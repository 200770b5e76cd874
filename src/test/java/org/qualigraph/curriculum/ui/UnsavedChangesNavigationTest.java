package org.qualigraph.curriculum.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.support.Documents;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The unsaved-changes guard as the browser's router sees it. A menu click reaches the server as a browser navigation;
 * when the editor postpones it the server tells the client router to pause ({@code serverPaused}), and the client then
 * waits for {@code serverConnected} before it follows any further link. These tests stand in for that client: they
 * give the UI the wrapper element the client connects and record the calls the server sends it.
 */
class UnsavedChangesNavigationTest extends ViewTest {

    @Autowired
    QualificationService service;

    private final List<String> sentToClient = new ArrayList<>();
    private List<Function1<PendingJavaScriptInvocation, Unit>> previousHandlers;

    @BeforeEach
    void recordJavaScript() {
        previousHandlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        var handlers = new ArrayList<>(previousHandlers);
        handlers.add(invocation -> {
            var call = invocation.getInvocation();
            sentToClient.add(call.getExpression() + " " + call.getParameters());
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
    }

    @AfterEach
    void restoreHandlers() {
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(previousHandlers);
    }

    @Test
    void stayReleasesThePausedBrowserRouterSoTheMenuWorksAfterASave() {
        var created = service.create(Documents.minimal("Guarded"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        var ui = connectClientRouter();
        typeTitle("Guarded, edited");

        clickMenu(ui, "");
        assertThat(_find(QualificationEditorView.class)).as("navigation held back").hasSize(1);
        assertThat(sentToClient).anyMatch(js -> js.contains("this.serverPaused()"));
        sentToClient.clear();

        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class, spec -> spec.withId("unsaved-dialog")));
        MockVaadin.clientRoundtrip();
        assertThat(sentToClient).as("the client router is told the navigation is cancelled")
                .anyMatch(js -> js.contains("this.serverConnected($0)") && js.contains("[true,"));

        _click(_get(Button.class, spec -> spec.withId("save")));
        assertThat(service.get(created.id()).title()).containsEntry("en", "Guarded, edited");
        sentToClient.clear();

        clickMenu(ui, "");
        assertThat(_find(QualificationListView.class)).as("the next menu click navigates").hasSize(1);
        assertThat(sentToClient).noneMatch(js -> js.contains("this.serverPaused()"));
    }

    @Test
    void discardFollowsTheMenuClickAndSavesNothing() {
        var created = service.create(Documents.minimal("Guarded"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        var ui = connectClientRouter();
        typeTitle("Guarded, edited");

        clickMenu(ui, "");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("unsaved-dialog")));

        assertThat(_find(QualificationListView.class)).hasSize(1);
        assertThat(service.get(created.id()).title()).containsEntry("en", "Guarded");
    }

    @Test
    void unsavedEditsArmTheBrowsersReloadWarningAndASaveDisarmsIt() {
        var created = service.create(Documents.minimal("Guarded"), "designer");
        login("designer", "DESIGNER");
        UI.getCurrent().navigate("qualifications/" + created.id());
        MockVaadin.clientRoundtrip();
        assertThat(sentToClient).noneMatch(js -> js.contains("addEventListener('beforeunload'"));

        typeTitle("Guarded, edited");
        MockVaadin.clientRoundtrip();
        assertThat(sentToClient).anyMatch(js -> js.contains("addEventListener('beforeunload'"));
        sentToClient.clear();

        _click(_get(Button.class, spec -> spec.withId("save")));
        MockVaadin.clientRoundtrip();
        assertThat(sentToClient).anyMatch(js -> js.contains("removeEventListener('beforeunload'"));
    }

    /**
     * What the client does when it connects in React-router mode: the UI gets a wrapper element for router calls and
     * the page load is reported.
     */
    private static UI connectClientRouter() {
        var ui = UI.getCurrent();
        var wrapper = new Element("flow-container");
        ui.getElement().appendVirtualChild(wrapper);
        ui.wrapperElement = wrapper;
        // the page load itself: the client's first report only installs the history handler for later clicks
        String here = ui.getInternals().getActiveViewLocation().getPath();
        ui.browserNavigate(new UI.BrowserNavigateEvent(ui, true, here, "", null, null, ""));
        MockVaadin.clientRoundtrip();
        return ui;
    }

    /** A side-menu click as the client router reports it to the server. */
    private static void clickMenu(UI ui, String route) {
        ui.browserNavigate(new UI.BrowserNavigateEvent(ui, true, route, "", null, null, "link"));
        MockVaadin.clientRoundtrip();
    }

    private static void typeTitle(String text) {
        var value = _get(MultilingualField.class, spec -> spec.withId("title")).textOf("en").orElseThrow();
        if (value instanceof TextField field) {
            _setValue(field, text);
        } else {
            _setValue((TextArea) value, text);
        }
    }
}
