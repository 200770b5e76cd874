package org.qualigraph.esco;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.qualigraph.base.graph.Graph;
import org.qualigraph.base.graph.GraphRow;
import org.qualigraph.base.graph.GraphValue;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.FieldProblem;
import org.qualigraph.curriculum.OccupationCatalog;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.SkillCatalog;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.jobs.JobContext;
import org.qualigraph.jobs.JobFailure;
import org.qualigraph.jobs.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The public face of the ESCO module: imports a release from the official packages as a background job, searches
 * skills and occupations, and answers the look-ups other modules need ({@link EscoCatalog} for rules and exports,
 * {@link SkillCatalog} for the editor's skill picker). Everything reads "known" concepts only: imported
 * ({@code escoVersion} set) and not obsolete, so placeholders created by curricula for URIs never count.
 */
@Service
public class EscoService implements EscoCatalog, SkillCatalog, OccupationCatalog {

    /** The job kind of ESCO imports: one runs at a time across every instance over the database. */
    public static final String IMPORT_JOB_KIND = "esco-import";
    public static final Set<String> COLLECTIONS = Set.of("digital", "green", "transversal", "language", "research", "digcomp");
    private static final Logger log = LoggerFactory.getLogger(EscoService.class);
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final String KNOWN = "n.escoVersion IS NOT NULL AND coalesce(n.obsolete, false) = false";

    private final Graph graph;
    private final EscoImporter importer;
    private final JobService jobs;
    private final ObjectMapper json;
    private final EscoEmbeddings embeddings;
    private final SkillSuggestions suggestions;

    private final EscoLabelImporter labelImporter;
    private final EscoReleaseMemory memory;

    EscoService(Graph graph, EscoImporter importer, JobService jobs, ObjectMapper json, EscoEmbeddings embeddings,
                SkillSuggestions suggestions, EscoLabelImporter labelImporter, EscoReleaseMemory memory) {
        this.labelImporter = labelImporter;
        this.memory = memory;
        this.graph = graph;
        this.importer = importer;
        this.jobs = jobs;
        this.json = json;
        this.embeddings = embeddings;
        this.suggestions = suggestions;
    }

    /** The sentence vectors behind suggestions by meaning (status and job, for the Reference data page). */
    public EscoEmbeddings embeddings() {
        return embeddings;
    }

    /** A package handed to an import: the zip file and its original name (which may carry the ESCO version). */
    public record PackageFile(Path zip, String originalName) {
    }

    /** A skill search hit. */
    public record SkillHit(String uri, String label, String skillType, String reuseLevel) {
    }

    /** An occupation search hit. */
    public record OccupationHit(String uri, String label, String iscoGroup) {
    }

    /** An outcome (or a qualification's target) that links a concept removed from the loaded ESCO release. */
    public record ObsoleteLink(String qualificationId, String qualificationTitle, String subject, String conceptUri,
                               String conceptLabel) {
    }

    /** Optional filters of a skill search; null means any. */
    public record SkillFilter(String skillType, String reuseLevel, String collection) {
        public static final SkillFilter NONE = new SkillFilter(null, null, null);

        public SkillFilter {
            if (skillType != null && !EscoPackageReader.SKILL_TYPES.contains(skillType)) {
                throw new BadInputException("skillType", "unknown skill type \"" + skillType + "\"; allowed: skill/competence, knowledge");
            }
            if (reuseLevel != null && !EscoPackageReader.REUSE_LEVELS.contains(reuseLevel)) {
                throw new BadInputException("reuseLevel", "unknown reuse level \"" + reuseLevel
                        + "\"; allowed: transversal, cross-sector, sector-specific, occupation-specific");
            }
            if (collection != null && !COLLECTIONS.contains(collection)) {
                throw new BadInputException("collection", "unknown collection \"" + collection + "\"; allowed: " + COLLECTIONS);
            }
        }
    }

    /**
     * Starts importing the two packages in the background and returns the job id. The packages are read and validated
     * completely before anything is written, so a bad package fails the job (naming file and line) and leaves the
     * loaded release as it was. {@code version} wins over the version in the file names; "unknown" if neither.
     * With {@code deleteAfter} the zip files are temporary uploads and deleted when the job ends.
     *
     * @throws org.qualigraph.jobs.JobConflictException (409) naming the import that runs now on any instance
     */
    public String startImport(PackageFile classification, PackageFile relations, String version, boolean deleteAfter) {
        String requested = version == null || version.isBlank() ? null : version.strip();
        if (requested != null && !VERSION.matcher(requested).matches()) {
            throw new BadInputException(List.of(FieldProblem.of("version", "problem.esco.version")));
        }
        return jobs.startExclusive(IMPORT_JOB_KIND, "ESCO import", context -> {
            try {
                importNow(classification, relations, requested, context::progress, () -> makeWay(context)).forEach(context::count);
                if (embeddings.automatic()) {
                    // queued behind this job: the new or changed concepts get their sentence vectors next
                    context.count("embeddingJob", embeddings.start());
                }
            } catch (EscoPackageException e) {
                throw new JobFailure(e.text(), e);
            } finally {
                if (deleteAfter) {
                    deleteQuietly(classification.zip());
                    deleteQuietly(relations.zip());
                }
            }
        });
    }

    /**
     * Imports synchronously (tests, benchmarks, start-up tooling); returns the counts the job reports.
     *
     * @throws EscoPackageException when a package is bad; nothing was written then
     */
    public Map<String, Object> importNow(PackageFile classification, PackageFile relations, String version,
                                         java.util.function.DoubleConsumer progress) {
        return importNow(classification, relations, version, progress, () -> { });
    }

    /**
     * The import, with {@code betweenWrites} run after each step of the writing (a committed batch of at most
     * {@link EscoImporter#BATCH} rows, or a label's nodes checked), outside any transaction: there the import job
     * makes way for people's requests ({@link #makeWay}), so that no lock or transaction is held while it waits.
     */
    private Map<String, Object> importNow(PackageFile classification, PackageFile relations, String version,
                                          java.util.function.DoubleConsumer progress, Runnable betweenWrites) {
        var sources = new ArrayList<EscoPackageReader.Source>();
        sources.add(new EscoPackageReader.Source("classification", classification.zip(), classification.originalName()));
        if (relations != null) {
            sources.add(new EscoPackageReader.Source("relations", relations.zip(), relations.originalName()));
        }
        long start = System.nanoTime();
        EscoData data = EscoPackageReader.read(sources, done -> progress.accept(0.4 * done));
        log.info("ESCO packages read and valid in {} ms", (System.nanoTime() - start) / 1_000_000);
        String effective = version != null ? version : data.detectedVersion != null ? data.detectedVersion : "unknown";
        var result = importer.write(data, effective, done -> {
            progress.accept(0.4 + 0.6 * done);
            betweenWrites.run();
        });
        return result.counts();
    }

    /**
     * A long import yields to people's requests like the embedding job (issue #21, item 4): while the server is busy
     * it waits, and under load that never ends it goes on one step per {@code qualigraph.jobs.yield-trickle}. Reading
     * and checking the packages do not wait: a bad package is reported as soon as it can be.
     */
    private static void makeWay(JobContext context) {
        try {
            context.yieldToInteractiveLoad();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts adding the texts of a classification package in another language (e.g. German) to the loaded release, in
     * the background (the same exclusive job kind as a release import); returns the job id. The package's language
     * comes from its file names ({@code occupations_de.csv}).
     *
     * @throws BadInputException (field {@code classification}) for a language ESCO cannot be searched in here
     * @throws org.qualigraph.base.ConflictException when no release is loaded yet
     */
    public String startLanguageImport(PackageFile classification, String language, boolean deleteAfter) {
        String code = EscoLanguages.check(language, "classification");
        if (code == null || code.equals("en")) {
            throw new BadInputException(List.of(FieldProblem.of("classification", "problem.esco.noLanguage")));
        }
        if (release().isEmpty()) {
            throw new org.qualigraph.base.ConflictException("No ESCO release is loaded: import the English classification and "
                    + "relations packages first; a package in another language only adds texts to the loaded concepts.",
                    org.qualigraph.base.Message.of("problem.esco.noRelease"), List.of());
        }
        return jobs.startExclusive(IMPORT_JOB_KIND, "ESCO texts (" + code + ")", context -> {
            try {
                importLanguageNow(classification, context::progress).forEach(context::count);
            } catch (EscoPackageException e) {
                throw new JobFailure(e.text(), e);
            } finally {
                if (deleteAfter) {
                    deleteQuietly(classification.zip());
                }
            }
        });
    }

    /**
     * Adds a language package's texts synchronously (tests, tooling); returns the counts the job reports: the language,
     * the concepts labelled per kind and the concepts of the package that the loaded release lacks.
     *
     * @throws EscoPackageException when the package is bad or no release is loaded; nothing was written then
     */
    public Map<String, Object> importLanguageNow(PackageFile classification, java.util.function.DoubleConsumer progress) {
        EscoData data = EscoPackageReader.readLabels(new EscoPackageReader.Source("classification", classification.zip(),
                classification.originalName()), done -> progress.accept(0.6 * done));
        if (data.language == null || EscoLanguages.of(data.language) == null) {
            throw new EscoPackageException(org.qualigraph.base.Message.of("problem.esco.packageLanguage",
                    org.qualigraph.base.Message.of("problem.esco.package.classification", String.valueOf(classification.originalName())),
                    data.language == null ? org.qualigraph.base.Message.of("problem.esco.noNamedLanguage") : "\"" + data.language + "\"",
                    String.join(", ", EscoLanguages.ADDITIONAL)));
        }
        return labelImporter.write(data, done -> progress.accept(0.6 + 0.4 * done));
    }

    /**
     * The language of an uploaded classification package from its file names ("de" for {@code occupations_de.csv}),
     * or null when its files carry no language suffix.
     *
     * @throws BadInputException (field {@code classification}) for a damaged zip or files of several languages
     */
    public String packageLanguage(PackageFile classification) {
        try {
            return EscoPackageReader.language(classification.zip(), org.qualigraph.base.Message.of(
                    "problem.esco.package.theClassification", String.valueOf(classification.originalName())));
        } catch (EscoPackageException e) {
            throw new BadInputException(List.of(new FieldProblem("classification", e.getMessage(), e.text())));
        }
    }

    /** The languages whose texts were added to the loaded release, with what each import brought. */
    public Map<String, Map<String, Object>> languages() {
        return labelImporter.languages();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded package {}", file, e);
        }
    }

    @Override
    public Optional<EscoRelease> release() {
        return read(EscoReleaseMemory.CURRENT_RELEASE, Map.of()).stream().findFirst().map(r -> new EscoRelease(r.get("version").asString(),
                r.get("importedAt").isNull() ? null : r.get("importedAt").asZonedDateTime().toInstant(),
                r.get("skills").asLong(), r.get("occupations").asLong(), r.get("relations").asLong()));
    }

    /** The release's concepts from memory while it is the loaded one ({@link EscoReleaseMemory}). */
    @Override
    public Optional<ReleaseFacts> facts(Collection<String> skillUris, Collection<String> occupationUris) {
        return release().map(release -> {
            var at = Optional.of(new EscoReleaseMemory.Release(release));
            return new ReleaseFacts(release,
                    memory.facts(at, "skill", skillUris, uris -> skills(uris, null)),
                    memory.facts(at, "occupation", occupationUris, uris -> occupations(uris, null)));
        });
    }

    /** Ranked skills for a search box: every word must match (prefix or one typo); filters narrow the result. */
    public List<SkillHit> searchSkills(String query, int limit, SkillFilter filter) {
        return searchSkills(query, limit, filter, null);
    }

    /**
     * Ranked skills in a language ({@code de}, …; null or {@code en} for English): that language's labels are searched
     * first with its own analyzer, then the English ones fill the list up; every hit is labelled in that language where
     * its texts were imported, in English otherwise.
     */
    public List<SkillHit> searchSkills(String query, int limit, SkillFilter filter, String language) {
        var words = EscoQuery.words(query, false);
        return inLanguage(language, limit, SkillHit::uri,
                lang -> skillQuery(EscoQuery.lucene(words, true, lang), words, limit, filter, lang, language));
    }

    /** Ranked occupations whose preferred or alternative labels match every word. */
    public List<OccupationHit> searchOccupations(String query, int limit) {
        return searchOccupations(query, limit, null);
    }

    /** Ranked occupations in a language, searched and labelled as {@link #searchSkills(String, int, SkillFilter, String)}. */
    public List<OccupationHit> searchOccupations(String query, int limit, String language) {
        return findOccupations(query, limit, language).stream()
                .map(o -> new OccupationHit(o.uri(), o.label(), o.iscoGroup())).toList();
    }

    /**
     * Runs a search in the language's index and, when it finds fewer than {@code limit}, in the English one; hits of
     * both are merged without duplicates, the language's first.
     */
    private <T> List<T> inLanguage(String language, int limit, java.util.function.Function<T, String> uri,
                                   java.util.function.Function<String, List<T>> search) {
        String lang = EscoLanguages.of(language);
        if (lang == null) {
            return search.apply(null);
        }
        var hits = new LinkedHashMap<String, T>();
        search.apply(lang).forEach(hit -> hits.putIfAbsent(uri.apply(hit), hit));
        if (hits.size() < limit) {
            for (T hit : search.apply(null)) {
                if (hits.size() >= limit) {
                    break;
                }
                hits.putIfAbsent(uri.apply(hit), hit);
            }
        }
        return List.copyOf(hits.values());
    }

    /**
     * The words whose literal presence in a label ranks a hit first. Only for a language's own index: its analyzer
     * stems ("Elektroniker" and "Elektronik" become one term), so the score alone cannot prefer the label the user
     * typed; the English ranking stays the tuned one.
     */
    private static List<String> literal(String indexLanguage, List<String> words) {
        return indexLanguage == null ? List.of() : words;
    }

    /** Index, label keys and parameters for reading concepts in a language (English when null). */
    private static Map<String, Object> languageParams(String index, String shownIn) {
        String lang = EscoLanguages.of(shownIn);
        var params = new HashMap<String, Object>();
        params.put("index", index);
        params.put("labelKey", lang == null ? "label" : EscoLanguages.labelKey(lang));
        params.put("altKey", lang == null ? "altLabels" : EscoLanguages.altLabelsKey(lang));
        params.put("descriptionKey", lang == null ? "description" : EscoLanguages.descriptionKey(lang));
        return params;
    }

    @Override
    public List<OccupationRef> findOccupations(String query, int limit) {
        return findOccupations(query, limit, null);
    }

    @Override
    public List<OccupationRef> findOccupations(String query, int limit, String language) {
        var words = EscoQuery.words(query, false);
        return inLanguage(language, limit, OccupationRef::uri, lang -> {
            String lucene = EscoQuery.lucene(words, true, lang);
            if (lucene == null) {
                return List.of();
            }
            var params = languageParams(lang == null ? "esco_occupation_search" : EscoLanguages.occupationIndex(lang), language);
            params.putAll(Map.of("q", lucene, "fetch", limit + 50, "limit", limit, "words", literal(lang, words)));
            return read("""
                    CALL db.index.fulltext.queryNodes($index, $q, {limit: $fetch}) YIELD node AS n, score
                    WHERE %s
                    WITH n, score, coalesce(n[$labelKey], n.label) AS label
                    WITH n, score, label, size([w IN $words WHERE toLower(label) CONTAINS w]) AS literal
                    RETURN n.uri AS uri, label, coalesce(n[$altKey], n.altLabels) AS altLabels, n.iscoGroup AS iscoGroup
                    ORDER BY literal DESC, score DESC, size(label) ASC LIMIT $limit
                    """.formatted(KNOWN), params).stream()
                    .map(r -> new OccupationRef(r.get("uri").asString(), r.get("label").asString(), strings(r.get("altLabels")),
                            r.get("iscoGroup").asString(null)))
                    .toList();
        });
    }


    @Override
    public Map<String, OccupationRef> describeOccupations(Collection<String> uris) {
        return describeOccupations(uris, null);
    }

    @Override
    public Map<String, OccupationRef> describeOccupations(Collection<String> uris, String language) {
        var result = new LinkedHashMap<String, OccupationRef>();
        occupations(uris, language).forEach((uri, o) -> result.put(uri, new OccupationRef(uri, o.label(), o.altLabels(), o.iscoGroup())));
        return result;
    }

    /** {@code indexLanguage}: whose index and fields the query uses (null: English); {@code shownIn}: the labels' language. */
    private List<SkillHit> skillQuery(String lucene, List<String> words, int limit, SkillFilter filter, String indexLanguage,
                                      String shownIn) {
        if (lucene == null) {
            return List.of();
        }
        boolean filtered = filter.skillType() != null || filter.reuseLevel() != null || filter.collection() != null;
        Map<String, Object> params = languageParams(indexLanguage == null ? "esco_skill_search"
                : EscoLanguages.skillIndex(indexLanguage), shownIn);
        params.put("q", lucene);
        params.put("words", literal(indexLanguage, words));
        params.put("fetch", filtered ? 5_000 : limit + 100);
        params.put("limit", limit);
        params.put("skillType", filter.skillType());
        params.put("reuseLevel", filter.reuseLevel());
        params.put("collection", filter.collection());
        return read("""
                CALL db.index.fulltext.queryNodes($index, $q, {limit: $fetch}) YIELD node AS n, score
                WHERE %s AND NOT n:EscoSkillGroup
                  AND ($skillType IS NULL OR n.skillType = $skillType)
                  AND ($reuseLevel IS NULL OR n.reuseLevel = $reuseLevel)
                  AND ($collection IS NULL OR $collection IN n.collections)
                WITH n, score, coalesce(n[$labelKey], n.label) AS label
                WITH n, score, label, size([w IN $words WHERE toLower(label) CONTAINS w]) AS literal
                RETURN n.uri AS uri, label, n.skillType AS skillType, n.reuseLevel AS reuseLevel
                ORDER BY literal DESC, score DESC, size(label) ASC LIMIT $limit
                """.formatted(KNOWN), params).stream().map(EscoService::skillHit).toList();
    }

    private static SkillHit skillHit(GraphRow r) {
        return new SkillHit(r.get("uri").asString(), r.get("label").asString(), r.get("skillType").asString(null),
                r.get("reuseLevel").asString(null));
    }

    @Override
    public List<SkillRef> search(String query, int limit) {
        return search(query, limit, null);
    }

    @Override
    public List<SkillRef> search(String query, int limit, String language) {
        return searchSkills(query, limit, SkillFilter.NONE, language).stream().map(EscoService::ref).toList();
    }

    @Override
    public Map<String, SkillRef> describe(Collection<String> uris) {
        return describe(uris, null);
    }

    @Override
    public Map<String, SkillRef> describe(Collection<String> uris, String language) {
        var result = new LinkedHashMap<String, SkillRef>();
        skills(uris, language).forEach((uri, skill) -> result.put(uri, new SkillRef(uri, skill.label(), skill.skillType(), skill.reuseLevel())));
        return result;
    }

    @Override
    public Map<String, String> descriptions(Collection<String> uris) {
        return descriptions(uris, null);
    }

    @Override
    public Map<String, String> descriptions(Collection<String> uris, String language) {
        var result = new LinkedHashMap<String, String>();
        skills(uris, language).forEach((uri, skill) -> {
            if (skill.description() != null && !skill.description().isBlank()) {
                result.put(uri, skill.description());
            }
        });
        return result;
    }

    /** Skills matching the most meaningful words of the statement (any word may match; more matches rank higher). */
    @Override
    public List<SkillRef> suggestForStatement(String statement, int limit) {
        var words = EscoQuery.words(statement, true);
        return skillQuery(EscoQuery.lucene(words, false), words, limit, SkillFilter.NONE, null, null).stream()
                .map(EscoService::ref).toList();
    }

    /** Skills by meaning and by words (see {@link SkillSuggestions}), words only until the vectors are ready. */
    @Override
    public Suggestions suggestWithReasons(String statement, int limit) {
        if (statement == null || statement.isBlank()) {
            return new Suggestions(List.of(), embeddings.ready());
        }
        String text = statement.length() > SkillSuggestions.MAX_TEXT ? statement.substring(0, SkillSuggestions.MAX_TEXT) : statement;
        var result = suggestions.suggest(text, Math.max(1, Math.min(limit, SkillSuggestions.MAX_LIMIT)));
        return new Suggestions(result.skills().stream().map(s -> new Suggestion(new SkillRef(s.uri(), s.label(), s.skillType(),
                s.reuseLevel()), s.score(), s.matchedBy())).toList(), result.byMeaning());
    }

    @Override
    public Set<String> meaningLanguages() {
        return embeddings.encoder().languages();
    }

    /**
     * Essential skills of the target occupations that no outcome covers, most shared first. An outcome covers an
     * essential skill when it maps to that skill or to a narrower one (following BROADER any number of steps).
     */
    @Override
    public List<SkillRef> uncoveredEssentialSkills(QualificationDocument document, int limit) {
        if (document.targetOccupations().isEmpty()) {
            return List.of();
        }
        Set<String> mapped = new LinkedHashSet<>();
        for (UnitDocument unit : document.units()) {
            for (OutcomeDocument outcome : unit.outcomes()) {
                mapped.addAll(outcome.skills());
            }
        }
        return read("""
                OPTIONAL MATCH (c:EscoSkill)-[:BROADER*0..]->(a:EscoSkill) WHERE c.uri IN $mapped
                WITH collect(DISTINCT a.uri) AS covered
                UNWIND $occupations AS occupation
                MATCH (:EscoOccupation {uri: occupation})-[:REQUIRES_SKILL {type: 'essential'}]->(n:EscoSkill)
                WHERE %s AND NOT n.uri IN covered
                WITH n, count(*) AS occupations
                RETURN n.uri AS uri, n.label AS label, n.skillType AS skillType, n.reuseLevel AS reuseLevel
                ORDER BY occupations DESC, n.label ASC LIMIT $limit
                """.formatted(KNOWN), Map.of("mapped", List.copyOf(mapped), "occupations", document.targetOccupations(),
                "limit", limit)).stream().map(EscoService::skillHit).map(EscoService::ref).toList();
    }

    private static SkillRef ref(SkillHit hit) {
        return new SkillRef(hit.uri(), hit.label(), hit.skillType(), hit.reuseLevel());
    }

    @Override
    public Map<String, EscoSkill> skills(Collection<String> uris) {
        return skills(uris, null);
    }

    @Override
    public Map<String, EscoSkill> skills(Collection<String> uris, String language) {
        var result = new LinkedHashMap<String, EscoSkill>();
        if (uris.isEmpty()) {
            return result;
        }
        var params = languageParams(null, language);
        params.put("uris", List.copyOf(new HashSet<>(uris)));
        read("""
                MATCH (n:EscoSkill) WHERE n.uri IN $uris AND %s
                RETURN n.uri AS uri, coalesce(n[$labelKey], n.label) AS label, coalesce(n[$altKey], n.altLabels) AS altLabels,
                       n.skillType AS skillType, n.reuseLevel AS reuseLevel,
                       coalesce(n[$descriptionKey], n.description) AS description, n.collections AS collections,
                       n.transversalGroups AS transversalGroups
                """.formatted(KNOWN), params).forEach(r -> result.put(
                r.get("uri").asString(), new EscoSkill(r.get("uri").asString(), r.get("label").asString(), strings(r.get("altLabels")),
                        r.get("skillType").asString(null), r.get("reuseLevel").asString(null), r.get("description").asString(null),
                        new LinkedHashSet<>(strings(r.get("collections"))), new LinkedHashSet<>(strings(r.get("transversalGroups"))))));
        return result;
    }

    @Override
    public Map<String, EscoOccupation> occupations(Collection<String> uris) {
        return occupations(uris, null);
    }

    @Override
    public Map<String, EscoOccupation> occupations(Collection<String> uris, String language) {
        var result = new LinkedHashMap<String, EscoOccupation>();
        if (uris.isEmpty()) {
            return result;
        }
        var params = languageParams(null, language);
        params.put("uris", List.copyOf(new HashSet<>(uris)));
        read("""
                MATCH (n:EscoOccupation) WHERE n.uri IN $uris AND %s
                RETURN n.uri AS uri, coalesce(n[$labelKey], n.label) AS label, coalesce(n[$altKey], n.altLabels) AS altLabels,
                       n.iscoGroup AS iscoGroup, n.code AS code, coalesce(n[$descriptionKey], n.description) AS description
                """.formatted(KNOWN), params).forEach(r -> result.put(
                r.get("uri").asString(), new EscoOccupation(r.get("uri").asString(), r.get("label").asString(),
                        strings(r.get("altLabels")), r.get("iscoGroup").asString(null), r.get("code").asString(null),
                        r.get("description").asString(null))));
        return result;
    }

    /**
     * Outcomes mapped to skills, and qualifications targeting occupations, that the loaded release no longer contains.
     * The import keeps those concepts as obsolete instead of deleting them; this list is what designers must re-map.
     */
    public List<ObsoleteLink> linksToObsoleteConcepts() {
        var links = new ArrayList<ObsoleteLink>();
        read("""
                MATCH (o:LearningOutcome)-[:MAPS_TO]->(s:EscoSkill {obsolete: true})
                OPTIONAL MATCH (q:Qualification)-[:HAS_UNIT]->(:Unit)-[:HAS_OUTCOME]->(o)
                RETURN q.id AS id, q.title AS title, o.code AS subject, s.uri AS uri, s.label AS label
                UNION ALL
                MATCH (q:Qualification)-[:TARGETS]->(s:EscoOccupation {obsolete: true})
                RETURN q.id AS id, q.title AS title, 'targetOccupations' AS subject, s.uri AS uri, s.label AS label
                """, Map.of()).forEach(r -> links.add(new ObsoleteLink(r.get("id").asString(null), title(r.get("title").asString(null)),
                r.get("subject").asString(null), r.get("uri").asString(), r.get("label").asString(null))));
        return links;
    }

    private String title(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            Map<String, String> title = json.readValue(stored, new TypeReference<Map<String, String>>() {
            });
            return title.getOrDefault("en", title.values().stream().findFirst().orElse(stored));
        } catch (IOException e) {
            return stored;
        }
    }

    private static List<String> strings(GraphValue value) {
        return value == null || value.isNull() ? List.of() : value.asList(GraphValue::asString);
    }

    private List<GraphRow> read(String cypher, Map<String, Object> parameters) {
        return graph.query(cypher).bindAll(parameters).rows();
    }
}
