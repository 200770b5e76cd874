package org.qualigraph.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qualigraph.account.AccountService;
import org.qualigraph.account.UserInfo;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.Roles;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.security.access.AccessDeniedException;

/**
 * The profile's partner section: which organisation answers for the qualification and which designers of other
 * partners may change it too. The owner's designers (and administrators) choose those collaborators from the
 * designers of the other partner organisations; an administrator also assigns or moves the owner. Everyone else
 * reads who owns it, which is whom to ask. Changing it leaves the content and any unsaved edits alone.
 */
class OwnershipSection extends Div {

    private final transient QualificationService service;
    private final transient AccountService accounts;
    private final String id;
    private final Span text = new Span();

    OwnershipSection(QualificationService service, AccountService accounts, String id, QualificationDocument document) {
        this.service = service;
        this.accounts = accounts;
        this.id = id;
        setId("partner-section");
        setWidthFull();
        text.setId("ownership");
        text.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(text);
        show(document);
    }

    private void show(QualificationDocument document) {
        text.setText(document.ownerOrganisation() == null ? getTranslation("curriculum.ui.owner.none")
                : document.collaborators() == null || document.collaborators().isEmpty()
                        ? getTranslation("curriculum.ui.owner", document.ownerOrganisation())
                        : getTranslation("curriculum.ui.owner.collaborators", document.ownerOrganisation(),
                                String.join(", ", document.collaborators())));
        getChildren().filter(c -> c != text).toList().forEach(this::remove);
        if (mayManage(document)) {
            add(createControls(document));
        }
    }

    /** Administrators; designers of the owner, or any designer while nobody owns it (the service's rule). */
    private boolean mayManage(QualificationDocument document) {
        var roles = CurrentUser.roles();
        if (roles.contains(Roles.ADMIN)) {
            return true;
        }
        if (!roles.contains(Roles.DESIGNER)) {
            return false;
        }
        String mine = accounts.find(CurrentUser.name()).map(UserInfo::organisation).orElse(null);
        return document.ownerOrganisation() == null || same(document.ownerOrganisation(), mine);
    }

    private HorizontalLayout createControls(QualificationDocument document) {
        boolean admin = CurrentUser.roles().contains(Roles.ADMIN);
        var row = new HorizontalLayout();
        row.setId("partner-controls");
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        ComboBox<String> owner = null;
        if (admin) {
            owner = new ComboBox<>(getTranslation("curriculum.ui.owner.organisation"));
            owner.setId("owner-organisation");
            var organisations = new LinkedHashSet<>(accounts.organisations());
            if (document.ownerOrganisation() != null) {
                organisations.add(document.ownerOrganisation());
            }
            owner.setItems(organisations);
            owner.setValue(document.ownerOrganisation());
            owner.setClearButtonVisible(true);
            row.add(owner);
        }
        var candidates = candidates(document);
        var collaborators = new MultiSelectComboBox<String>(getTranslation("curriculum.ui.collaborators"));
        collaborators.setId("collaborators");
        collaborators.setItems(candidates.keySet());
        collaborators.setItemLabelGenerator(name -> candidates.getOrDefault(name, name));
        collaborators.setValue(document.collaborators() == null ? List.of() : document.collaborators());
        collaborators.setHelperText(getTranslation("curriculum.ui.collaborators.help"));
        collaborators.setWidth("28em");
        collaborators.setMaxWidth("100%");
        var chosenOwner = owner;
        var apply = new Button(getTranslation("curriculum.ui.collaborators.save"), e -> {
            try {
                var saved = service.changeOwnership(id, chosenOwner == null ? null
                        : chosenOwner.getValue() == null ? "" : chosenOwner.getValue(),
                        new ArrayList<>(collaborators.getSelectedItems()), CurrentUser.name());
                Notification.show(getTranslation("curriculum.ui.collaborators.saved"));
                show(saved);
            } catch (BadInputException | AccessDeniedException refused) {
                collaborators.setInvalid(true);
                collaborators.setErrorMessage(org.qualigraph.base.Refusals.inWords(refused, getLocale()));
            }
        });
        apply.setId("collaborators-save");
        apply.addThemeVariants(ButtonVariant.LUMO_SMALL);
        row.add(collaborators, apply);
        return row;
    }

    /**
     * The designers of the other partner organisations, as "name (organisation)", and whoever is named already; the
     * owner's own designers need no invitation.
     */
    private Map<String, String> candidates(QualificationDocument document) {
        var result = new LinkedHashMap<String, String>();
        accounts.list().stream()
                .filter(u -> u.enabled() && u.roles().contains(Roles.DESIGNER) && u.organisation() != null)
                .filter(u -> !same(u.organisation(), document.ownerOrganisation()))
                .sorted(java.util.Comparator.comparing(UserInfo::organisation, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(UserInfo::username))
                .forEach(u -> result.put(u.username(), u.username() + " (" + u.organisation() + ")"));
        if (document.collaborators() != null) {
            document.collaborators().forEach(name -> result.putIfAbsent(name, accounts.find(name)
                    .map(u -> u.organisation() == null ? name : name + " (" + u.organisation() + ")").orElse(name)));
        }
        return result;
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
