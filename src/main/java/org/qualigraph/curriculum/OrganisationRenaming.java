package org.qualigraph.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.ConflictException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.curriculum.QualificationDocument.AwardingBody;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renames an awarding organisation: the explicit operation that changes a shared {@code (:Organisation)} node, which a
 * document save never writes (it only links to organisations, creating a missing one by its key).
 * <p>
 * A new spelling that keeps the organisation's key (letter case only) renames the node. Any other new name is a
 * new organisation: it is created, and each qualification whose content may change (DRAFT or CHANGES_REQUESTED)
 * is moved to it in a transaction of its own that takes that qualification's lock first, as every write does
 * ({@code docs/architecture.md}), and raises its version, so an editor's copy from before the rename is refused as
 * stale instead of linking back to the old name. Qualifications under review, approved, published or archived keep
 * the name their approval covers; they are reported as kept. The old organisation is deleted once nothing links to it.
 */
@Service
public class OrganisationRenaming {

    /** What a rename did: the qualifications moved to the new name and those kept on the old one. */
    public record Result(String name, String country, List<String> renamed, List<String> kept) {
    }

    private final QualificationStore store;
    private final WriteLocks locks;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    OrganisationRenaming(QualificationStore store, WriteLocks locks, ApplicationEventPublisher events,
                         PlatformTransactionManager transactionManager) {
        this.store = store;
        this.locks = locks;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Result rename(String name, String country, String newName, String user) {
        var problems = new ArrayList<FieldProblem>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "the organisation's current name is required"));
        }
        if (newName == null || newName.isBlank()) {
            problems.add(new FieldProblem("newName", "the new name is required"));
        } else if (newName.strip().length() > 500) {
            problems.add(new FieldProblem("newName", "at most 500 characters"));
        }
        DocumentValidator.country(problems, "country", country, false);
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        String target = newName.strip();
        String key = QualificationStore.organisationKey(new AwardingBody(name, country, null));
        String newKey = QualificationStore.organisationKey(new AwardingBody(target, country, null));
        var stored = store.organisation(key).orElseThrow(() -> new NotFoundException("No organisation named \"" + name.strip()
                + "\"" + (country == null ? " without a country" : " in " + country)));
        if (key.equals(newKey)) {
            return sameKey(key, target, country);
        }
        if (store.organisation(newKey).isPresent()) {
            throw new ConflictException("An organisation named \"" + target + "\"" + (country == null ? "" : " in " + country)
                    + " exists already; choose it as the awarding body in each qualification instead");
        }
        transactions.executeWithoutResult(status -> store.createOrganisation(newKey, target, country));
        var renamed = new ArrayList<String>();
        var kept = new ArrayList<String>();
        // a save that linked the old name while this ran (from a copy read before) is moved in the next pass
        for (int pass = 0; pass < 3; pass++) {
            var holders = transactions.execute(status -> store.organisationHolders(key));
            boolean moved = false;
            for (var holder : holders.entrySet()) {
                if (kept.contains(holder.getKey())) {
                    continue;
                }
                Boolean done = transactions.execute(status -> move(holder.getKey(), key, newKey, (String) stored.get("name"),
                        target, user));
                if (Boolean.TRUE.equals(done)) {
                    renamed.add(holder.getKey());
                    moved = true;
                } else if (!kept.contains(holder.getKey())) {
                    kept.add(holder.getKey());
                }
            }
            if (!moved) {
                break;
            }
        }
        transactions.executeWithoutResult(status -> store.deleteOrganisationIfUnused(key));
        return new Result(target, country, List.copyOf(renamed), List.copyOf(kept));
    }

    /** One qualification, under its lock: moved when its content may change, else kept (false). */
    private boolean move(String id, String key, String newKey, String oldName, String newName, String user) {
        var locked = locks.qualification(id);
        if (locked.isEmpty() || !QualificationService.isContentEditable(locked.get().status())) {
            return false;
        }
        var previous = store.readLocked(id).orElseThrow();
        long version = locked.get().version() + 1;
        if (!store.moveAwardingBody(id, key, newKey, version, user)) {
            return false;
        }
        var saved = store.readLocked(id).orElseThrow();
        events.publishEvent(new QualificationChanged(id, version, user, "UPDATED",
                "awarding body \"" + oldName + "\" renamed to \"" + newName + "\"", saved, previous));
        return true;
    }

    /**
     * A new spelling of the same key, in one transaction that locks every holder first (qualifications by id
     * ascending, the lock order) and decides under those locks: a submit of a holder either committed before, and the
     * rename is refused, or waits until the rename has committed. A save that linked the organisation meanwhile is
     * locked and checked as well before the node is written.
     */
    private Result sameKey(String key, String target, String country) {
        List<String> holders = transactions.execute(status -> {
            var locked = new java.util.TreeSet<String>();
            Map<String, QualificationStatus> now = store.organisationHolders(key);
            for (int pass = 0; pass < 3 && !locked.containsAll(now.keySet()); pass++) {
                now.keySet().stream().filter(id -> !locked.contains(id)).sorted().forEach(id -> {
                    locks.qualification(id);
                    locked.add(id);
                });
                now = store.organisationHolders(key);
            }
            var frozen = now.entrySet().stream().filter(e -> !QualificationService.isContentEditable(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (!frozen.isEmpty()) {
                throw new ConflictException("Qualifications under review, approved, published or archived name this organisation "
                        + "as it is spelled now (" + String.join(", ", frozen) + "); a new spelling would change them");
            }
            store.setOrganisationName(key, target);
            return List.copyOf(now.keySet());
        });
        return new Result(target, country, holders, List.of());
    }
}
