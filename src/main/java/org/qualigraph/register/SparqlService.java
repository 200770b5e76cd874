package org.qualigraph.register;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.UpdateFactory;
import org.qualigraph.base.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A read-only SPARQL 1.1 query service over the register's RDF (the ELM graphs of the public qualifications and the
 * DCAT-AP catalogue), with Apache Jena in memory. Updates, federated {@code SERVICE} calls and {@code FROM} clauses
 * are refused; every query runs under a time limit and a result limit, and only a few run at once, so one visitor
 * cannot stall the server: a query over the time limit is stopped (503), one over the result limit refused (400).
 */
@Service
public class SparqlService {

    /** The three documented examples (docs/operations.md, the SPARQL page). */
    static final String PREFIXES = """
            PREFIX elm: <http://data.europa.eu/snb/model/elm/>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    private final RegisterService register;
    private final RegisterProperties properties;
    private final Semaphore running;

    SparqlService(RegisterService register, RegisterProperties properties) {
        this.register = register;
        this.properties = properties;
        this.running = new Semaphore(Math.max(1, properties.sparqlConcurrent()));
    }

    /** An answer: bytes in a media type. */
    public record Answer(byte[] bytes, String mediaType) {
    }

    /** Result formats of SELECT and ASK. */
    public enum Format { JSON, CSV }

    public Answer query(String text, Format format) {
        return query(text, format, properties.sparqlTimeout().toMillis());
    }

    Answer query(String text, Format format, long timeoutMillis) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("query", "a SPARQL query is required (parameter \"query\", or the body with "
                    + "Content-Type application/sparql-query)");
        }
        Query query = parse(text);
        int max = properties.sparqlMaxResults();
        if (!query.hasLimit() || query.getLimit() > max) {
            query.setLimit(max + 1L);
        }
        if (!running.tryAcquire()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "too many SPARQL queries are running; "
                    + "try again in a few seconds");
        }
        try (QueryExecution execution = QueryExecution.create().query(query).model(register.snapshot().rdf())
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
            var out = new ByteArrayOutputStream();
            if (query.isSelectType()) {
                ResultSetRewindable rows = ResultSetFactory.copyResults(execution.execSelect());
                if (rows.size() > max) {
                    throw tooMany(max);
                }
                rows.reset();
                if (format == Format.CSV) {
                    ResultSetFormatter.outputAsCSV(out, rows);
                    return new Answer(out.toByteArray(), "text/csv;charset=UTF-8");
                }
                ResultSetFormatter.outputAsJSON(out, rows);
                return new Answer(out.toByteArray(), "application/sparql-results+json");
            }
            if (query.isAskType()) {
                boolean yes = execution.execAsk();
                if (format == Format.CSV) {
                    ResultSetFormatter.outputAsCSV(out, yes);
                    return new Answer(out.toByteArray(), "text/csv;charset=UTF-8");
                }
                ResultSetFormatter.outputAsJSON(out, yes);
                return new Answer(out.toByteArray(), "application/sparql-results+json");
            }
            Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
            if (model.size() > max) {
                throw tooMany(max);
            }
            RDFDataMgr.write(out, model, Lang.TURTLE);
            return new Answer(out.toByteArray(), "text/turtle;charset=UTF-8");
        } catch (QueryCancelledException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the query was stopped after "
                    + timeoutMillis + " ms, the time limit of this endpoint; narrow it down or add a LIMIT");
        } finally {
            running.release();
        }
    }

    private static BadInputException tooMany(int max) {
        return new BadInputException("query", "the query has more than " + max + " results, the limit of this endpoint; "
                + "add a LIMIT of at most " + max + " (and OFFSET to page)");
    }

    private static Query parse(String text) {
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            if (isUpdate(text)) {
                throw new BadInputException("query", "updates are refused: this SPARQL endpoint is read-only");
            }
            throw new BadInputException("query", "not a valid SPARQL 1.1 query: " + e.getMessage());
        }
        if (query.hasDatasetDescription()) {
            throw new BadInputException("query", "FROM and FROM NAMED are not supported: the endpoint queries the register only");
        }
        boolean[] service = {false};
        if (query.getQueryPattern() != null) {
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementService el) {
                    service[0] = true;
                }
            });
        }
        if (service[0]) {
            throw new BadInputException("query", "SERVICE (federated queries) is not allowed on this endpoint");
        }
        return query;
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text, Syntax.syntaxSPARQL_11);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
