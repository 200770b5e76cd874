package org.qualigraph.base;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The login page of the UI; the form posts to Spring Security's login processing. */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in · Qualigraph")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(org.springframework.beans.factory.ObjectProvider<
            org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> registrations) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentModeCenter();
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.tagline")), login);
        // one button per configured identity provider; the link leaves the Vaadin router for Spring Security's redirect
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object each : configured) {
                if (each instanceof org.springframework.security.oauth2.client.registration.ClientRegistration registration) {
                    var button = new com.vaadin.flow.component.html.Anchor(
                            "oauth2/authorization/" + registration.getRegistrationId(),
                            getTranslation("login.provider", registration.getClientName()));
                    button.setRouterIgnore(true);
                    button.setId("sign-in-" + registration.getRegistrationId());
                    add(button);
                }
            }
        }
    }

    private void setJustifyContentModeCenter() {
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setError(true);
        }
    }
}
