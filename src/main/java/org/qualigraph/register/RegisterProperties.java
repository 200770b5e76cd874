package org.qualigraph.register;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public register ({@code qualigraph.register.*}); the base of the identifiers is
 * {@code qualigraph.public-base-uri} (see {@code PersistentIdentifiers}).
 *
 * @param publisher        the name of the publisher in the catalogue (the alliance or organisation running the register)
 * @param licence          the licence of the published data (an IRI), CC BY 4.0 unless set
 * @param requestsPerMinute requests one client address may make to the public paths per minute; more get 429
 * @param sparqlTimeout    a SPARQL query running longer is stopped (503)
 * @param sparqlMaxResults a SPARQL query returning more rows (or triples) is refused (400)
 * @param sparqlConcurrent SPARQL queries running at once; more wait for none and get 503
 * @param recheck          how often an instance asks the database whether the published set changed (other instances
 *                         publish too); its own publications are seen at once
 */
@ConfigurationProperties(prefix = "qualigraph.register")
public record RegisterProperties(
        @DefaultValue("Qualigraph register") String publisher,
        @DefaultValue("http://creativecommons.org/licenses/by/4.0/") String licence,
        @DefaultValue("300") int requestsPerMinute,
        @DefaultValue("5s") Duration sparqlTimeout,
        @DefaultValue("10000") int sparqlMaxResults,
        @DefaultValue("4") int sparqlConcurrent,
        @DefaultValue("2s") Duration recheck) {
}
