package org.qualigraph.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qualigraph.account.AccountService;
import org.qualigraph.account.UserInfo;
import org.qualigraph.support.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;

class UserAdminViewTest extends ViewTest {

    @Autowired
    AccountService accounts;

    @AfterEach
    void removeCreatedUser() {
        if (accounts.exists("new.designer")) {
            accounts.delete("new.designer");
        }
    }

    @Test
    void adminCreatesAUser() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("admin/users");
        fillNewUser("new.designer", "a-long-password", Set.of("DESIGNER", "REVIEWER"));
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        assertThat(accounts.list()).filteredOn(u -> u.username().equals("new.designer")).singleElement()
                .satisfies(u -> assertThat(u.roles()).containsExactlyInAnyOrder("DESIGNER", "REVIEWER"));
        @SuppressWarnings("unchecked")
        Grid<UserInfo> grid = _get(Grid.class, spec -> spec.withId("user-grid"));
        assertThat(GridKt._findAll(grid)).extracting(UserInfo::username).contains("new.designer");
    }

    @Test
    void aNewUserStartsWithoutARoleAndNeedsOneChosen() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> roles = _get(CheckboxGroup.class, spec -> spec.withId("user-roles"));
        assertThat(roles.getValue()).as("nothing preselected").isEmpty();
        assertThat(roles.getItemLabelGenerator().apply("REVIEWER")).isEqualTo("Reviewer");
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), "new.designer");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "a-long-password");

        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(roles.isInvalid()).isTrue();
        assertThat(accounts.exists("new.designer")).isFalse();

        _setValue(roles, Set.of("REVIEWER"));
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(accounts.list()).filteredOn(u -> u.username().equals("new.designer")).singleElement()
                .satisfies(u -> assertThat(u.roles()).containsExactly("REVIEWER"));
    }

    @Test
    void aTooShortPasswordIsRefusedInPlainWords() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("admin/users");
        fillNewUser("new.designer", "short", Set.of("DESIGNER"));
        _click(_get(Button.class, spec -> spec.withId("user-save")));

        assertThat(accounts.exists("new.designer")).isFalse();
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .anySatisfy(n -> assertThat(n.getElement().getProperty("text", ""))
                        .contains("Password: between 8 and 200 characters"));
    }

    /** The Users page shows each user's partner organisation and sets it, on creating and on editing a user. */
    @Test
    void adminSetsAndChangesAUsersOrganisation() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("admin/users");
        fillNewUser("new.designer", "a-long-password", Set.of("DESIGNER"));
        @SuppressWarnings("unchecked")
        ComboBox<String> organisation = _get(ComboBox.class, spec -> spec.withId("user-organisation"));
        _setValue(organisation, "Hochschule Alpha");
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(accounts.find("new.designer")).get().extracting(UserInfo::organisation).isEqualTo("Hochschule Alpha");
        @SuppressWarnings("unchecked")
        Grid<UserInfo> grid = _get(Grid.class, spec -> spec.withId("user-grid"));
        int row = GridKt._findAll(grid).stream().map(UserInfo::username).toList().indexOf("new.designer");
        assertThat(GridKt._getFormatted(grid, row, "organisation")).isEqualTo("Hochschule Alpha");

        _click(_get(GridKt._getCellComponent(grid, row, "actions"), Button.class, spec -> spec.withId("edit-new.designer")));
        @SuppressWarnings("unchecked")
        ComboBox<String> editing = _get(ComboBox.class, spec -> spec.withId("user-organisation"));
        assertThat(editing.getValue()).isEqualTo("Hochschule Alpha");
        _setValue(editing, "VET Beta");
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(accounts.find("new.designer")).get().extracting(UserInfo::organisation).isEqualTo("VET Beta");
    }

    @Test
    void aDesignerCannotOpenTheAdminPage() {
        login("designer", "DESIGNER");
        // Karibu reports the router's error page as a failure when the UI is next searched
        assertThatThrownBy(() -> {
            UI.getCurrent().navigate("admin/users");
            _find(UserAdminView.class);
        }).hasMessageContaining("AccessDeniedException");
    }

    /** Opens the new-user form and fills the username, password and roles (not yet saved). */
    private static void fillNewUser(String username, String password, Set<String> roles) {
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), password);
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> group = _get(CheckboxGroup.class, spec -> spec.withId("user-roles"));
        _setValue(group, roles);
    }
}
