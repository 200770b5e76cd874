package org.qualigraph.curriculum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qualigraph.base.graph.Graph;
import org.springframework.stereotype.Repository;

/**
 * The baseline of a national variant: its core profile as the variant last took it, kept on the variant's
 * {@code DERIVED_FROM} relationship as a JSON document ({@code baseline}) with the core's version at the latest move
 * ({@code baselineVersion}) and when it moved ({@code baselineAt}). It belongs to the variant (only the variant's own
 * writes, under the variant's lock, move it), so the core never has to be locked or written to keep it.
 * Callers run every method inside a transaction.
 */
@Repository
class VariantBaselines {

    private final Graph client;
    private final ObjectMapper json;

    VariantBaselines(Graph client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** The variant's core and the baseline, if the variant has one (derived before baselines existed: none yet). */
    record Stored(String coreId, Optional<QualificationDocument> baseline) {
    }

    /** The core this qualification was derived from with its baseline; empty when it is no variant (or its core is gone). */
    Optional<Stored> of(String variantId) {
        return client.query("""
                MATCH (:Qualification {id: $id})-[d:DERIVED_FROM]->(core:Qualification)
                RETURN core.id AS core, d.baseline AS baseline LIMIT 1
                """).bind(variantId).to("id").fetch().one().map(row -> new Stored((String) row.get("core"),
                Optional.ofNullable((String) row.get("baseline")).map(this::parse)));
    }

    /**
     * The baseline of this qualification's predecessor revision towards the same core: a new revision of a variant
     * starts where its predecessor stood.
     */
    Optional<QualificationDocument> ofPredecessor(String variantId) {
        return client.query("""
                MATCH (q:Qualification {id: $id})-[:REVISION_OF]->(p:Qualification)-[d:DERIVED_FROM]->(core:Qualification)
                WHERE (q)-[:DERIVED_FROM]->(core) AND d.baseline IS NOT NULL
                RETURN d.baseline LIMIT 1
                """).bind(variantId).to("id").fetchAs(String.class).one().map(this::parse);
    }

    /** Sets the baseline (the variant's lock held by the caller, or the variant just created in this transaction). */
    void set(String variantId, QualificationDocument baseline, long coreVersion) {
        client.query("""
                MATCH (:Qualification {id: $id})-[d:DERIVED_FROM]->(:Qualification)
                SET d.baseline = $baseline, d.baselineVersion = $version, d.baselineAt = datetime()
                """).bindAll(Map.of("id", variantId, "baseline", write(baseline), "version", coreVersion)).run();
    }

    /**
     * Sets the baseline only when there is none yet (the fallback for variants derived before baselines existed); two
     * first readers racing both write the same core, and the second finds one set.
     */
    void setIfMissing(String variantId, QualificationDocument baseline, long coreVersion) {
        client.query("""
                MATCH (:Qualification {id: $id})-[d:DERIVED_FROM]->(:Qualification)
                WHERE d.baseline IS NULL
                SET d.baseline = $baseline, d.baselineVersion = $version, d.baselineAt = datetime()
                """).bindAll(Map.of("id", variantId, "baseline", write(baseline), "version", coreVersion)).run();
    }

    /** Of these unit ids, those the variant's core holds too (units the two share). */
    List<String> sharedWithCore(String variantId, List<String> unitIds) {
        return List.copyOf(client.query("""
                MATCH (:Qualification {id: $id})-[:DERIVED_FROM]->(:Qualification)-[:HAS_UNIT]->(u:Unit)
                WHERE u.id IN $units RETURN u.id
                """).bindAll(Map.of("id", variantId, "units", unitIds)).fetchAs(String.class).all());
    }

    private String write(QualificationDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the baseline of a variant", e);
        }
    }

    private QualificationDocument parse(String text) {
        try {
            return json.readValue(text, QualificationDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable baseline of a variant", e);
        }
    }
}
