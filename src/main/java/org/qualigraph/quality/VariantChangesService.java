package org.qualigraph.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * the variant that describes the same field, unit or outcome; what no save describes was there since the variant was
 * created, and is attributed to whoever derived it. A save is matched by the words it was recorded in (bundle keys and
 * values, {@link RevisionDiff.Words}), which do not change when a sentence of a bundle is reworded; only entries
 * written before the audit kept words are matched by their English text.
 */
@Service
public class VariantChangesService {

    /** The audit action of {@link VariantService#dismiss} and how its detail lists the units. */
    private static final String DISMISSED = "CORE_DISMISSED";
    private static final String UNITS = "dismissed for units ";

    private static final Set<String> CREATING = Set.of("DERIVED", "CREATED", "REVISED", "DUPLICATED");
    private static final ObjectMapper JSON = new ObjectMapper();

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

    static Attribution attribution(RevisionDiff.Line line, List<AuditEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            var entry = entries.get(i);
            if (entry.detail() != null && ("UPDATED".equals(entry.action()) && describes(entry, line)
                    || DISMISSED.equals(entry.action()) && dismissed(entry.detail(), line.subject()))) {
                return new Attribution(entry.user(), entry.at());
            }
        }
        return entries.stream().filter(e -> CREATING.contains(e.action())).findFirst()
                .map(e -> new Attribution(e.user(), e.at())).orElse(null);
    }

    /** Whether this recorded save names the change of this line (its field, or the unit or outcome added or removed). */
    private static boolean describes(AuditEntry entry, RevisionDiff.Line line) {
        Object recorded = recordedWords(entry);
        if (recorded == null) {
            return describedInEnglish(entry.detail(), line);
        }
        Object mine = line.words();
        Object label = changedLabel(mine);
        return parts(recorded).stream().anyMatch(part -> label != null ? label.equals(changedLabel(part)) : mine.equals(part));
    }

    /** The words an entry was recorded in, or null for an entry from before the audit kept them (or unreadable). */
    private static Object recordedWords(AuditEntry entry) {
        if (entry.words() == null || entry.words().isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(entry.words(), Object.class);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    /** The lines of a recorded save: its sentences ({@code {"s": [...]}}), or the tree itself. */
    private static List<?> parts(Object recorded) {
        return recorded instanceof Map<?, ?> node && node.get("s") instanceof List<?> sentences ? sentences : List.of(recorded);
    }

    /**
     * The field named by a "changed from … to …" line ({@code diff.changed} with the field's label first), whatever
     * its values: a later save that changed the same field again is the one to credit. Null for other lines.
     */
    private static Object changedLabel(Object words) {
        if (words instanceof Map<?, ?> node && "diff.changed".equals(node.get("k")) && node.get("a") instanceof List<?> args
                && !args.isEmpty()) {
            return args.get(0);
        }
        return null;
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

    /**
     * For entries recorded before the audit kept words: whether their English sentence names this line's change. Such
     * entries said "Unit U1 title: old → new" (the wording of their time); a changed field is also matched by today's
     * "Unit U1 title changed from …", other lines by their text up to a colon.
     */
    private static boolean describedInEnglish(String detail, RevisionDiff.Line line) {
        var message = line.message();
        if ("diff.changed".equals(message.key()) && !message.args().isEmpty()
                && message.args().get(0) instanceof RevisionDiff.Message label) {
            String field = label.in(RevisionDiff.ENGLISH);
            return detail.contains(field + ":") || detail.contains(field + " changed from ");
        }
        String text = line.text();
        int colon = text.indexOf(':');
        return detail.contains(colon > 0 ? text.substring(0, colon) : text);
    }
}
