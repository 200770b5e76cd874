package org.qualigraph.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.qualigraph.account.AccountService;
import org.qualigraph.account.UserInfo;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.MainLayout;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.base.Roles;

/** Users and their roles, for administrators: create, change roles or enabled state, reset a password, delete. */
@Route(value = "admin/users", layout = MainLayout.class)
@Menu(title = "menu.users", order = 90, icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class UserAdminView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.DESIGNER, Roles.REVIEWER);

    private final transient AccountService accounts;
    private final Grid<UserInfo> grid = new Grid<>();

    public UserAdminView(AccountService accounts) {
        this.accounts = accounts;
        setSizeFull();
        var create = new Button(getTranslation("account.ui.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create, createGrid());
        refresh();
    }

    private Grid<UserInfo> createGrid() {
        grid.setId("user-grid");
        grid.addColumn(UserInfo::username).setHeader(getTranslation("account.ui.username")).setKey("username");
        grid.addColumn(u -> String.join(", ", new TreeSet<>(u.roles()).stream().map(this::roleLabel).toList())).setHeader(getTranslation("account.ui.roles"))
                .setKey("roles");
        grid.addColumn(u -> u.organisation() == null ? "" : u.organisation())
                .setHeader(getTranslation("account.ui.organisation")).setKey("organisation");
        grid.addColumn(u -> getTranslation(u.enabled() ? "account.ui.yes" : "account.ui.no"))
                .setHeader(getTranslation("account.ui.enabled")).setKey("enabled");
        grid.addComponentColumn(this::createActions).setHeader(getTranslation("account.ui.actions")).setAutoWidth(true)
                .setKey("actions");
        grid.setSizeFull();
        return grid;
    }

    private HorizontalLayout createActions(UserInfo user) {
        var edit = new Button(VaadinIcon.EDIT.create(), e -> openEdit(user));
        edit.setId("edit-" + user.username());
        edit.setTooltipText(getTranslation("account.ui.edit"));
        var password = new Button(VaadinIcon.KEY.create(), e -> openPassword(user));
        password.setId("password-" + user.username());
        password.setTooltipText(getTranslation("account.ui.password.reset"));
        var unlock = new Button(VaadinIcon.UNLOCK.create(), e -> attempt(() -> {
            accounts.unlock(user.username());
            done(getTranslation("account.ui.unlocked", user.username()));
        }));
        unlock.setId("unlock-" + user.username());
        unlock.setTooltipText(getTranslation("account.ui.unlock"));
        var delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(user));
        delete.setId("delete-" + user.username());
        delete.setTooltipText(getTranslation("account.ui.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var b : new Button[] {edit, password, unlock, delete}) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        }
        return new HorizontalLayout(edit, password, unlock, delete);
    }

    private void openCreate() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("account.ui.new"));
        dialog.setId("user-dialog");
        var username = new TextField(getTranslation("account.ui.username"));
        username.setId("user-username");
        var password = new PasswordField(getTranslation("account.ui.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("account.ui.password.help"));
        // no role is preselected: a reviewer account must not come out as a designer too because nobody unticked it
        var roles = roles(Set.of());
        roles.setRequired(true);
        roles.addValueChangeListener(e -> roles.setInvalid(false));
        var organisation = organisation(null);
        dialog.add(new FormLayout(username, password, organisation, roles));
        var save = new Button(getTranslation("account.ui.create"), e -> attempt(() -> {
            if (roles.getValue().isEmpty()) {
                roles.setErrorMessage(getTranslation("account.ui.roles.required"));
                roles.setInvalid(true);
                return;
            }
            accounts.create(username.getValue().strip(), password.getValue(), new LinkedHashSet<>(roles.getValue()),
                    organisation.getValue());
            dialog.close();
            refresh();
            done(getTranslation("account.ui.created", username.getValue().strip()));
        }));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("account.ui.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openEdit(UserInfo user) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("account.ui.edit") + ": " + user.username());
        dialog.setId("user-dialog");
        var roles = roles(user.roles());
        var enabled = new Checkbox(getTranslation("account.ui.enabled"), user.enabled());
        enabled.setId("user-enabled");
        var organisation = organisation(user.organisation());
        dialog.add(new FormLayout(organisation, roles, enabled));
        var save = new Button(getTranslation("account.ui.save"), e -> attempt(() -> {
            accounts.update(user.username(), new LinkedHashSet<>(roles.getValue()), enabled.getValue());
            accounts.changeOrganisation(user.username(), organisation.getValue());
            dialog.close();
            refresh();
        }));
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("account.ui.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openPassword(UserInfo user) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("account.ui.password.reset") + ": " + user.username());
        dialog.setId("password-dialog");
        var password = new PasswordField(getTranslation("account.ui.password.new"));
        password.setId("new-password");
        password.setHelperText(getTranslation("account.ui.password.help"));
        dialog.add(password);
        var save = new Button(getTranslation("account.ui.save"), e -> attempt(() -> {
            accounts.changePassword(user.username(), password.getValue());
            dialog.close();
            done(getTranslation("account.ui.password.changed", user.username()));
        }));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("account.ui.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmDelete(UserInfo user) {
        var dialog = new ConfirmDialog(getTranslation("account.ui.delete"),
                getTranslation("account.ui.delete.text", user.username()), getTranslation("account.ui.delete"),
                e -> attempt(() -> {
                    accounts.delete(user.username());
                    refresh();
                }));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("account.ui.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-delete-user");
        dialog.open();
    }

    /** The partner organisation: one of those users already belong to, or a new name typed in. */
    private com.vaadin.flow.component.combobox.ComboBox<String> organisation(String selected) {
        var organisation = new com.vaadin.flow.component.combobox.ComboBox<String>(getTranslation("account.ui.organisation"));
        organisation.setId("user-organisation");
        organisation.setHelperText(getTranslation("account.ui.organisation.help"));
        var known = new java.util.ArrayList<>(accounts.organisations());
        if (selected != null && !known.contains(selected)) {
            known.add(selected);
        }
        organisation.setItems(known);
        organisation.setAllowCustomValue(true);
        organisation.setClearButtonVisible(true);
        organisation.addCustomValueSetListener(e -> {
            var items = new java.util.ArrayList<>(known);
            items.add(e.getDetail());
            organisation.setItems(items);
            organisation.setValue(e.getDetail());
        });
        organisation.setValue(selected);
        return organisation;
    }

    private CheckboxGroup<String> roles(Set<String> selected) {
        var roles = new CheckboxGroup<String>(getTranslation("account.ui.roles"));
        roles.setId("user-roles");
        roles.setItems(ROLES);
        roles.setItemLabelGenerator(this::roleLabel);
        roles.setValue(new LinkedHashSet<>(selected));
        return roles;
    }

    /** Runs an account change; refused input is shown in plain words and nothing else happens. */
    private void attempt(Runnable action) {
        try {
            action.run();
        } catch (BadInputException e) {
            error(String.join("; ", e.problems().stream().map(p -> field(p.field()) + ": " + p.message(getLocale())).toList()));
        } catch (ConflictException | NotFoundException e) {
            error(org.qualigraph.base.Refusals.inWords(e, getLocale()));
            refresh();
        }
    }

    /** The field a refused change names, in the words of the form. */
    private String field(String name) {
        return switch (name == null ? "" : name) {
            case "username", "password", "roles", "organisation" -> getTranslation("account.ui." + name);
            default -> name;
        };
    }

    private void done(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(String message) {
        var notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("user-error");
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }

    private String roleLabel(String role) {
        return getTranslation("account.role." + role);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.users");
    }
}
