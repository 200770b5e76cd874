package org.qualigraph.curriculum;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The persistent identifier of a published qualification, {@code {qualigraph.public-base-uri}/id/qualification/{id}}:
 * what every export (ELM, LOQ, CASE) calls it and what the public register answers at. Only PUBLISHED and ARCHIVED
 * qualifications have one; they never change again (a change is a new revision with its own id), so the identifier
 * stays valid, also after archiving. Without the setting the base is the address the server is reached at, which is
 * right for one installation behind one name; an installation that publishes sets it once and never changes it.
 */
@Component
public class PersistentIdentifiers {

    public static final String PATH = "/id/qualification/";

    private final String configured;
    private final int port;

    public PersistentIdentifiers(@Value("${qualigraph.public-base-uri:}") String configured,
                                 @Value("${server.port:8080}") int port) {
        String base = configured == null ? "" : configured.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.configured = base;
        this.port = port;
    }

    /** The base without a trailing slash: the setting, else the address of the current request, else localhost. */
    public String base() {
        if (!configured.isEmpty()) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            try {
                return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            } catch (IllegalStateException e) {
                // not a servlet request (e.g. a push connection): fall through
            }
        }
        return "http://localhost:" + (port == 0 ? 8080 : port);
    }

    /** Whether {@code qualigraph.public-base-uri} is set (the operations guide asks to set it before publishing). */
    public boolean configured() {
        return !configured.isEmpty();
    }

    /** The identifier of a qualification in this status, if it has one (published or archived). */
    public Optional<String> of(String id, QualificationStatus status) {
        return id != null && isPublic(status) ? Optional.of(qualification(id)) : Optional.empty();
    }

    /** The identifier of a stored document, if it is published or archived. */
    public Optional<String> of(QualificationDocument document) {
        return document == null ? Optional.empty() : of(document.id(), document.status());
    }

    public String qualification(String id) {
        return base() + PATH + id;
    }

    /** A URL under the public base, e.g. {@code /register/loq.xml}. */
    public String url(String path) {
        return base() + path;
    }

    /** Published and archived qualifications are public; nothing else is. */
    public static boolean isPublic(QualificationStatus status) {
        return status == QualificationStatus.PUBLISHED || status == QualificationStatus.ARCHIVED;
    }
}
