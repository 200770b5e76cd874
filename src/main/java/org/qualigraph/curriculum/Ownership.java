package org.qualigraph.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qualigraph.account.AccountService;
import org.qualigraph.account.UserInfo;
import org.qualigraph.base.AccessRefusal;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.Message;
import org.qualigraph.base.Roles;
import org.springframework.stereotype.Component;

/**
 * Which partner may change which qualification. An alliance's partners each answer for their own qualifications: a
 * designer changes those their organisation owns and those that name them as collaborator; a qualification without an
 * owner (older data, or created by a user of no organisation) stays open to every designer until an administrator
 * assigns one; administrators change anything. Reading is everyone's. Organisations are compared ignoring case and
 * surrounding spaces, the way people type them.
 * <p>
 * Partner organisations are names on the user accounts, not the {@code (:Organisation)} nodes of awarding bodies: an
 * awarding body is reference data of a qualification's content, fixed per name and country and shared through
 * documents, while a partner is who works on the content. The two often carry the same name, and nothing stops that.
 */
@Component
class Ownership {

    private final AccountService accounts;

    Ownership(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Who is acting: their organisation (null: none) and whether they administer the installation. */
    record Actor(String username, String organisation, boolean admin) {
    }

    Actor actor(String user) {
        return accounts.find(user).map(Ownership::actorOf).orElse(new Actor(user, null, false));
    }

    private static Actor actorOf(UserInfo info) {
        return new Actor(info.username(), info.organisation(), info.roles().contains(Roles.ADMIN));
    }

    /** Why this user may not change a qualification with this owner and these collaborators, if they may not. */
    Optional<Message> refusal(String title, String owner, List<String> collaborators, String user) {
        if (owner == null || owner.isBlank()) {
            return Optional.empty();
        }
        var actor = actor(user);
        if (actor.admin() || same(owner, actor.organisation()) || collaborators != null && collaborators.contains(user)) {
            return Optional.empty();
        }
        return Optional.of(Message.of("refusal.partner", title, owner));
    }

    void requireMayChange(String title, String owner, List<String> collaborators, String user) {
        refusal(title, owner, collaborators, user).ifPresent(reason -> {
            throw new AccessRefusal(reason);
        });
    }

    /**
     * The owner and collaborators a save stores: {@code null} fields of the document keep what is stored. Only an
     * administrator assigns or changes the owner; the collaborators are the owner's to choose (and anyone's while no
     * one owns the qualification), so a collaborator cannot invite others or remove the owner's people.
     */
    QualificationDocument ownershipOfUpdate(QualificationDocument doc, QualificationDocument stored, String user) {
        String owner = doc.ownerOrganisation() == null ? stored.ownerOrganisation() : blankToNull(doc.ownerOrganisation());
        var storedCollaborators = stored.collaborators() == null ? List.<String>of() : stored.collaborators();
        var collaborators = doc.collaborators() == null ? storedCollaborators : validCollaborators(doc.collaborators());
        boolean ownerChanges = !sameOwner(owner, stored.ownerOrganisation());
        if (!ownerChanges && new LinkedHashSet<>(collaborators).equals(new LinkedHashSet<>(storedCollaborators))) {
            // who acts matters only for a change of owner or collaborators: most saves need not look them up
            return doc.withOwnership(owner, collaborators);
        }
        var actor = actor(user);
        if (!actor.admin() && ownerChanges) {
            throw new AccessRefusal(stored.ownerOrganisation() == null
                    ? Message.of("refusal.partner.assign", stored.displayTitle())
                    : Message.of("refusal.partner.move", stored.displayTitle(), stored.ownerOrganisation()));
        }
        if (!actor.admin() && !new LinkedHashSet<>(collaborators).equals(new LinkedHashSet<>(storedCollaborators))
                && stored.ownerOrganisation() != null && !same(stored.ownerOrganisation(), actor.organisation())) {
            throw new AccessRefusal(Message.of("refusal.partner.collaborators", stored.ownerOrganisation(),
                    stored.displayTitle()));
        }
        return doc.withOwnership(owner, collaborators);
    }

    /**
     * The owner and collaborators of a new qualification: the creator's organisation, or the one an administrator
     * names; collaborators as given ({@code keepGiven}) or none (a derived variant or copy starts with the deriving
     * partner alone).
     */
    QualificationDocument ownershipOfNew(QualificationDocument doc, String user, boolean keepGiven) {
        var actor = actor(user);
        String owner = keepGiven && actor.admin() && doc.ownerOrganisation() != null
                ? blankToNull(doc.ownerOrganisation()) : actor.organisation();
        var collaborators = keepGiven && doc.collaborators() != null ? validCollaborators(doc.collaborators()) : List.<String>of();
        return doc.withOwnership(owner, collaborators);
    }

    /** Collaborators are usernames of existing accounts, each once; a 400 names the first unknown one. */
    List<String> validCollaborators(List<String> names) {
        var problems = new ArrayList<FieldProblem>();
        var result = new LinkedHashSet<String>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            if (name.isEmpty() || name.length() > 64 || accounts.find(name).isEmpty()) {
                problems.add(FieldProblem.of("collaborators[" + i + "]", "problem.collaborator",
                        name.length() > 64 ? name.substring(0, 64) + "…" : name));
            } else {
                result.add(name);
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return List.copyOf(result);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean sameOwner(String a, String b) {
        return blankToNull(a) == null ? blankToNull(b) == null : same(a, b);
    }

    static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
