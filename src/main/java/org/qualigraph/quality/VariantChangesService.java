package org.qualigraph.quality;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qualigraph.curriculum.QualificationService;
import org.qualigraph.curriculum.VariantService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Changes from core": what a national variant's partners changed themselves, measured against the core as the
 * variant last took it ({@link VariantService#baseline}), not against the core as it is now, so that a later edit of
 * the core never reads as the partner's. Each change is attributed from the audit trail: the latest recorded save of
 * the variant that describes the same field, unit or outcome (audit entries name what changed with the same wording
 * as {@link RevisionDiff}); what no save describes was there since the variant was created, and is attributed to
 * whoever derived it.
 */
@Service
public class VariantChangesService {

    /** The audit action of {@link VariantService#dismiss} and how its detail lists the units. */
    private static final String DISMISSED = "CORE_DISMISSED";
    private static final String UNITS = "dismissed for units ";

    private static final Set<String> CREATING = Set.of("DERIVED", "CREATED", "REVISED", "DUPLICATED");

    private final VariantService variants;
    private final QualificationService qualifications;
    private final WorkflowStore store;

    VariantChangesService(VariantService variants, QualificationService qualifications, WorkflowStore store) {
        this.variants = variants;
        this.qualifications = qualifications;
        this.store = store;
    }

    /** Who made a change and when, as far as the audit trail tells. */
    public record Attribution(String user, ZonedDateTime at) {
    }

    /**
     * The partner's own changes from the core: {@code by.get(i)} attributes {@code diff.lines().get(i)} (null when the
     * audit trail has nothing, e.g. for a variant restored from a workspace file).
     */
    public record OwnChanges(String coreId, RevisionDiff diff, List<Attribution> by) {
    }

    /** Empty when the qualification is no national variant. */
    @Transactional(readOnly = true)
    public Optional<OwnChanges> ownChanges(String variantId) {
        return variants.baseline(variantId).map(baseline -> {
            var diff = RevisionDiff.between(baseline.baseline(), qualifications.get(variantId));
            var entries = store.audit(variantId);
            var by = new ArrayList<Attribution>();
            for (var line : diff.lines()) {
                by.add(attribution(line, entries));
            }
            return new OwnChanges(baseline.coreId(), diff, by);
        });
    }

    private static Attribution attribution(RevisionDiff.Line line, List<AuditEntry> entries) {
        String mark = mark(line);
        for (int i = entries.size() - 1; i >= 0; i--) {
            var entry = entries.get(i);
            if (entry.detail() != null && ("UPDATED".equals(entry.action()) && entry.detail().contains(mark)
                    || DISMISSED.equals(entry.action()) && dismissed(entry.detail(), line.subject()))) {
                return new Attribution(entry.user(), entry.at());
            }
        }
        return entries.stream().filter(e -> CREATING.contains(e.action())).findFirst()
                .map(e -> new Attribution(e.user(), e.at())).orElse(null);
    }

    /**
     * Whether a dismissal ("... dismissed for units U2, U3") kept this unit, or an outcome of it: from then on the
     * unit's difference from the core is the partner's choice.
     */
    private static boolean dismissed(String detail, String subject) {
        int at = detail.lastIndexOf(UNITS);
        if (at < 0 || subject == null) {
            return false;
        }
        String list = detail.substring(at + UNITS.length());
        // the audit trail appends the size of the document: "U2, U3 (3 units, 9 outcomes)"
        int end = list.indexOf(" (");
        for (String code : (end < 0 ? list : list.substring(0, end)).split(", ")) {
            if (subject.equals(code) || subject.startsWith(code + ".")) {
                return true;
            }
        }
        return false;
    }

    /** The part of a line that names what changed ("Unit U1 title:", "Outcome U1.S9 added to unit U1 (Skills)"). */
    private static String mark(RevisionDiff.Line line) {
        var message = line.message();
        if ("diff.changed".equals(message.key()) && !message.args().isEmpty()
                && message.args().get(0) instanceof RevisionDiff.Message label) {
            // the English audit sentence of a changed field (diff.changed: "{0} changed from {1} to {2}"), up to its
            // values; it must follow that sentence's wording, which the attribution tests check
            return label.in(RevisionDiff.ENGLISH) + " changed from ";
        }
        String text = line.text();
        int colon = text.indexOf(':');
        return colon > 0 ? text.substring(0, colon) : text;
    }
}
