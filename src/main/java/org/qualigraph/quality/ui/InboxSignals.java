package org.qualigraph.quality.ui;

import org.qualigraph.base.MenuCounts;
import org.qualigraph.base.MenuStamp;
import org.qualigraph.curriculum.QualificationChanged;
import org.qualigraph.curriculum.QualificationService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the menus when the inbox counts ("Waiting for my review", "Returned to me") may have changed: at once after
 * a status change committed on this instance, and through the workflow stamp for those committed on another.
 */
@Component
class InboxSignals implements MenuStamp {

    /** What moves a qualification into or out of someone's inbox: its status, its deletion, who may change it. */
    private static final java.util.Set<String> INBOX_ACTIONS = java.util.Set.of("STATUS", "DELETED", "OWNERSHIP");

    private final QualificationService qualifications;
    private final MenuCounts menus;

    InboxSignals(QualificationService qualifications, MenuCounts menus) {
        this.qualifications = qualifications;
        this.menus = menus;
    }

    @Override
    public long stamp() {
        return qualifications.statusStamp();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(QualificationChanged event) {
        if (INBOX_ACTIONS.contains(event.action())) {
            menus.changed();
        }
    }
}
