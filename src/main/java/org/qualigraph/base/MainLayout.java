package org.qualigraph.base;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The frame around every view: the application name, the signed-in user with a log-out button, and a side navigation
 * built from the {@code @Menu} annotations of the views the user may open, so a feature adds itself to the menu
 * without this class knowing it.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final transient AuthenticationContext authentication;
    private final transient UiLanguage languages;
    private final transient List<MenuShortcut> shortcuts;
    private final transient MenuCounts menuCounts;
    private final Map<MenuShortcut, Span> counts = new LinkedHashMap<>();
    /** Whose counts these are: read off this user's requests too (a push from another user's step, the poll). */
    private final String user;

    public MainLayout(AuthenticationContext authentication, ObjectProvider<MenuShortcut> shortcuts, UiLanguage languages,
                      MenuCounts menuCounts) {
        this.authentication = authentication;
        this.languages = languages;
        this.menuCounts = menuCounts;
        this.user = CurrentUser.name();
        Set<String> roles = CurrentUser.roles();
        this.shortcuts = shortcuts.orderedStream().filter(s -> s.visibleTo(roles)).toList();
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), createTitle(), createUser());
        addToDrawer(createNavigation());
    }

    private H1 createTitle() {
        var title = new H1(getTranslation("app.name"));
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        return title;
    }

    private HorizontalLayout createUser() {
        var user = new HorizontalLayout();
        user.setAlignItems(FlexComponent.Alignment.CENTER);
        user.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Padding.Right.MEDIUM);
        user.add(new LanguageSwitch(languages));
        authentication.getPrincipalName().ifPresent(name -> {
            var logout = new Button(getTranslation("action.logout"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            user.add(new Span(name), logout);
        });
        return user;
    }

    private SideNav createNavigation() {
        var nav = new SideNav();
        nav.setId("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            var item = new SideNavItem(menuTitle(entry.title()), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        });
        for (var shortcut : shortcuts) {
            var item = new SideNavItem(getTranslation(shortcut.titleKey()), shortcut.path());
            item.setId("menu-" + shortcut.id());
            if (!shortcut.query().isEmpty()) {
                item.setQueryParameters(QueryParameters.simple(shortcut.query()));
            }
            var count = new Span();
            count.setId("menu-" + shortcut.id() + "-count");
            count.getElement().getThemeList().add("badge pill small");
            item.setSuffixComponent(count);
            counts.put(shortcut, count);
            nav.addItem(item);
        }
        return nav;
    }

    /** A view's {@code @Menu(title = "menu.xxx")} is a bundle key; a plain title (no such key) is shown as it is. */
    private String menuTitle(String title) {
        String text = getTranslation(title);
        return text == null || text.startsWith("!") ? title : text;
    }

    /** Counts change with every workflow step, so they are read again whenever the user moves on. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshCounts();
    }

    /** Reads the counts again; {@link MenuCounts} calls it (inside {@code ui.access}) after steps taken elsewhere. */
    void refreshCounts() {
        counts.forEach((shortcut, badge) -> {
            long n = shortcut.count(user);
            badge.setText(Long.toString(n));
            badge.setVisible(n > 0);
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (!counts.isEmpty()) {
            menuCounts.register(attachEvent.getUI(), this);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        menuCounts.unregister(detachEvent.getUI());
        super.onDetach(detachEvent);
    }
}
