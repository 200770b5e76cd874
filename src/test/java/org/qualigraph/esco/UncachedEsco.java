package org.qualigraph.esco;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationContext;

/**
 * The ESCO module's answers read from the graph every time, without what it remembers per release: the reference
 * that tests of other modules compare remembered answers with.
 */
public final class UncachedEsco {

    private UncachedEsco() {
    }

    /** Coverage and matches from the graph each time. */
    public static SkillsGap gap(ApplicationContext context) {
        return new SkillsGapService(context.getBean(GapQueries.class), context.getBean(OccupationalProfileService.class));
    }

    /** The catalogue with {@link EscoCatalog#facts} read from the graph each time (its default). */
    public static EscoCatalog catalog(ApplicationContext context) {
        EscoCatalog catalog = context.getBean(EscoService.class);
        return new EscoCatalog() {
            @Override
            public Optional<EscoRelease> release() {
                return catalog.release();
            }

            @Override
            public Map<String, EscoSkill> skills(Collection<String> uris) {
                return catalog.skills(uris);
            }

            @Override
            public Map<String, EscoOccupation> occupations(Collection<String> uris) {
                return catalog.occupations(uris);
            }
        };
    }
}
