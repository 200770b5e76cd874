package org.qualigraph.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The user guide inside the application, so that help is one click away and works without internet access. The
 * editor's help links point at its sections ({@code help#quality-report}).
 */
@Route(value = "help", layout = MainLayout.class)
@Menu(title = "menu.help", order = 99, icon = "vaadin:question-circle-o")
@PermitAll
public class HelpView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle, AfterNavigationObserver {

    public HelpView() {
        setId("help");
        setMaxWidth("60rem");
        var blocks = UserGuide.load();
        if (blocks.isEmpty()) {
            add(new Paragraph(getTranslation("help.missing")));
        }
        UnorderedList list = null;
        for (var block : blocks) {
            if (block.level() == -1) {
                if (list == null) {
                    list = new UnorderedList();
                    add(list);
                }
                list.add(new ListItem(block.text()));
                continue;
            }
            list = null;
            add(switch (block.level()) {
                case 0 -> new Paragraph(block.text());
                case 1 -> heading(new H1(block.text()), block.anchor());
                case 2 -> heading(new H2(block.text()), block.anchor());
                default -> heading(new H3(block.text()), block.anchor());
            });
        }
    }

    private static Component heading(Component heading, String anchor) {
        heading.setId(anchor);
        return heading;
    }

    /** A link with a #section scrolls there once the page is shown (the router does not do it for a new view). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        getElement().executeJs("""
                const id = decodeURIComponent((window.location.hash || '').substring(1));
                const target = id && document.getElementById(id);
                if (target) { target.scrollIntoView(); }""");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.help");
    }
}
