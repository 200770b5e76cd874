package org.qualigraph.esco.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.MainLayout;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.base.Roles;
import org.qualigraph.esco.EscoBrowser;
import org.qualigraph.esco.OccupationalProfile;
import org.qualigraph.esco.OccupationalProfileService;

/**
 * Occupational profiles: everyone sees the list; designers create, change and delete profiles in the form below it.
 */
@Route(value = "profiles", layout = MainLayout.class)
@Menu(title = "menu.profiles", order = 21, icon = "vaadin:user-card")
@PermitAll
public class ProfilesView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    private final OccupationalProfileService profiles;
    private final boolean designer;
    private final Grid<OccupationalProfile> grid = new Grid<>();
    private final ProfileForm form;
    private final HorizontalLayout actions = new HorizontalLayout();
    private final Paragraph empty = new Paragraph();

    public ProfilesView(OccupationalProfileService profiles, EscoBrowser browser) {
        this.profiles = profiles;
        this.designer = hasRole(Roles.DESIGNER);
        this.form = new ProfileForm(browser);
        add(new H2(getTranslation("profiles.title")), createToolbar(), createGrid(), empty, form, createActions());
        showForm(false);
        refresh();
    }

    private HorizontalLayout createToolbar() {
        var create = new Button(getTranslation("profiles.new"), e -> edit(null));
        create.setId("profile-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(designer);
        return new HorizontalLayout(create);
    }

    private Grid<OccupationalProfile> createGrid() {
        grid.setId("profiles");
        grid.addColumn(OccupationalProfile::name).setHeader(getTranslation("profiles.column.name")).setFlexGrow(2);
        grid.addColumn(p -> p.basedOn().size()).setHeader(getTranslation("profiles.column.basedon"));
        grid.addColumn(p -> p.addedSkills().size() + " / " + p.removedSkills().size() + " / " + p.localSkills().size())
                .setHeader(getTranslation("profiles.column.changes"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null && designer) {
                edit(e.getValue());
            }
        });
        return grid;
    }

    private HorizontalLayout createActions() {
        var save = new Button(getTranslation("profiles.save"), e -> save());
        save.setId("profile-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("profiles.cancel"), e -> showForm(false));
        cancel.setId("profile-cancel");
        var delete = new Button(getTranslation("profiles.delete"), e -> delete());
        delete.setId("profile-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(save, cancel, delete);
        return actions;
    }

    void edit(OccupationalProfile profile) {
        form.read(profile);
        showForm(true);
    }

    private void save() {
        form.write().ifPresent(profile -> {
            try {
                var saved = profile.id() == null ? profiles.create(profile, currentUser())
                        : profiles.update(profile.id(), profile, currentUser());
                Notification.show(getTranslation("profiles.saved", saved.name()));
                showForm(false);
                refresh();
            } catch (BadInputException e) {
                error(getTranslation("profiles.invalid", problems(e)));
            } catch (NotFoundException e) {
                // deleted meanwhile: the typed form stays, the list shows it is gone
                error(getTranslation("profiles.missing", profile.name()));
                refresh();
            } catch (ConflictException e) {
                error(getTranslation("profiles.conflict", org.qualigraph.base.Refusals.inWords(e, getLocale())));
            }
        });
    }

    private void delete() {
        form.loaded().ifPresent(p -> {
            try {
                profiles.delete(p.id());
                Notification.show(getTranslation("profiles.deleted", p.name()));
            } catch (NotFoundException e) {
                error(getTranslation("profiles.missing", p.name()));
            }
            showForm(false);
            refresh();
        });
    }

    /**
     * The service's problems in the user's language, each after the label of the form field it is about (a skill
     * added to the profile is named by its URI in the sentence itself).
     */
    private String problems(BadInputException e) {
        return e.problems().stream().map(p -> {
            String field = p.field() == null ? "" : p.field().replaceAll("[\\[.].*$", "");
            String label = switch (field) {
                case "name" -> getTranslation("profiles.name");
                case "description" -> getTranslation("profiles.description");
                case "basedOn" -> getTranslation("profiles.basedon");
                case "removedSkills" -> getTranslation("profiles.removed");
                case "localSkills" -> getTranslation("profiles.local");
                default -> null;
            };
            String message = p.message(getLocale());
            return label == null ? message : label + ": " + message;
        }).collect(java.util.stream.Collectors.joining("; "));
    }

    private void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static boolean hasRole(String role) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    private String currentUser() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "" : auth.getName();
    }

    private void showForm(boolean visible) {
        form.setVisible(visible && designer);
        actions.setVisible(visible && designer);
    }

    private void refresh() {
        var list = profiles.list();
        grid.setItems(list);
        empty.setText(list.isEmpty() ? getTranslation("profiles.empty") : "");
        grid.asSingleSelect().clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.profiles");
    }
}
