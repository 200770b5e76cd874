package org.qualigraph.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.List;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;

/**
 * Base of Karibu-Testing view tests: a mocked Vaadin UI on the shared Spring context and database, no browser.
 * Call {@link #login(String, String...)} before navigating; views are found by their {@code @Route}s.
 */
public abstract class ViewTest extends IntegrationTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.qualigraph");

    @Autowired
    private ApplicationContext context;
    @Autowired
    private SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void setUpVaadin() {
        // Each Spring context installs its own (Vaadin-aware) strategy as the process-wide one when it starts, and its
        // method security (@RolesAllowed on views) reads its own. A test class with a context of its own (e.g.
        // DriverGraphAdapterTest) leaves its strategy installed; a sign-in there never reaches this context's checks.
        SecurityContextHolder.setContextHolderStrategy(securityContexts);
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }

    /** Signs a user in with the given roles (e.g. "DESIGNER") for the view checks and Spring Security alike. */
    protected void login(String username, String... roles) {
        var authorities = java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        var principal = new User(username, "unused", authorities);
        var authentication = new UsernamePasswordAuthenticationToken(principal, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        Set<String> granted = Set.of(roles);
        request.setUserInRole((p, role) -> granted.contains(role));
    }

    protected static List<String> roles(String... roles) {
        return List.of(roles);
    }
}
