package org.qualigraph.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.jena.riot.Lang;
import org.qualigraph.base.BadInputException;
import org.qualigraph.base.NotFoundException;
import org.qualigraph.exchange.EuropassFiles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public register's documents, for anyone, without a sign-in: the identifier of a published qualification with
 * content negotiation, the QDR dataset, the skills table and the DCAT-AP catalogue. Every answer comes from the
 * register's snapshot with a strong {@code ETag}, {@code Last-Modified} and caching headers, and a matching
 * {@code If-None-Match} is a 304. What is not published or archived is a 404 that says nothing about it.
 */
@RestController
@Tag(name = "Public register", description = "Published qualifications as linked open data (no sign-in)")
class RegisterController {

    static final String HTML = "text/html";
    static final String TURTLE = "text/turtle";
    static final String JSON_LD = "application/ld+json";
    static final String XML = "application/xml";
    static final String PDF = "application/pdf";
    static final String NOT_FOUND = "no published qualification has this identifier";

    private static final List<String> QUALIFICATION_OFFERS = List.of(HTML, TURTLE, JSON_LD, XML, PDF);
    private static final List<String> CATALOG_OFFERS = List.of(TURTLE, JSON_LD, HTML);
    private static final Map<String, String> FORMATS = Map.of("html", HTML, "ttl", TURTLE, "jsonld", JSON_LD, "xml", XML,
            "pdf", PDF);
    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic();

    private final RegisterService register;
    private final PublicPage page;
    private final CatalogPage catalogPage;

    RegisterController(RegisterService register, PublicPage page, CatalogPage catalogPage) {
        this.register = register;
        this.page = page;
        this.catalogPage = catalogPage;
    }

    @GetMapping("/id/qualification/{id}")
    @Operation(summary = "A published qualification at its persistent identifier: HTML page, Turtle, JSON-LD (ELM), "
            + "LOQ XML or PDF by Accept (or ?format=html|ttl|jsonld|xml|pdf); ?lang= picks the page's language")
    ResponseEntity<byte[]> qualification(@PathVariable String id, @RequestParam(required = false) String format,
                                         @RequestParam(required = false) String lang,
                                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                         @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
                                         HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        RegisterService.Entry entry = register.find(id).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        String type;
        if (format != null) {
            type = FORMATS.get(format);
            if (type == null) {
                throw new BadInputException("format", "one of html, ttl, jsonld, xml, pdf");
            }
        } else {
            type = Negotiation.choose(accept, QUALIFICATION_OFFERS).orElseThrow(() ->
                    new HttpMediaTypeNotAcceptableException(QUALIFICATION_OFFERS.stream().map(MediaType::parseMediaType).toList()));
        }
        if (lang != null && !lang.matches("[a-z]{2,3}")) {
            throw new BadInputException("lang", "a language code such as \"en\" or \"de\"");
        }
        List<String> languages = PublicPage.languages(entry.document());
        String language = lang != null && languages.contains(lang) ? lang
                : lang == null ? Negotiation.language(acceptLanguage, languages) : null;
        if (language == null) {
            language = languages.contains("en") || languages.isEmpty() ? "en" : languages.get(0);
        }
        String chosen = language;
        RegisterService.Rendition rendition = switch (type) {
            case TURTLE -> register.rdf(entry, Lang.TURTLE, "text/turtle;charset=UTF-8");
            case JSON_LD -> register.rdf(entry, Lang.JSONLD, JSON_LD);
            case XML -> register.loqXml(entry);
            case PDF -> register.pdf(entry, chosen);
            default -> register.html(entry, chosen, () -> page.render(entry, chosen));
        };
        String parameter = FORMATS.entrySet().stream().filter(e -> e.getValue().equals(type)).findFirst().orElseThrow().getKey();
        String location = entry.identifier() + "?format=" + parameter
                + (type.equals(HTML) || type.equals(PDF) ? "&lang=" + chosen : "");
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_LOCATION, location);
        if (type.equals(HTML) || type.equals(PDF)) {
            headers.set(HttpHeaders.CONTENT_LANGUAGE, chosen);
        }
        return answer(rendition, request, headers, "Accept, Accept-Language");
    }

    @GetMapping("/register/loq.xml")
    @Operation(summary = "Every published qualification in one LOQ XML document (the Europass QDR dataset URL)")
    ResponseEntity<byte[]> loqXml(HttpServletRequest request) {
        return answer(register.snapshot().loqXml(), request, new HttpHeaders(), null);
    }

    @GetMapping("/register/skills.csv")
    @Operation(summary = "The ESCO skills the published qualifications teach, one row per qualification and skill (CC BY 4.0)")
    ResponseEntity<byte[]> skills(HttpServletRequest request) {
        return answer(register.snapshot().skillsCsv(), request, new HttpHeaders(), null);
    }

    @GetMapping("/catalog")
    @Operation(summary = "The register as a DCAT-AP 3.0.0 catalogue: Turtle, JSON-LD or HTML by Accept (or ?format=ttl|jsonld|html)")
    ResponseEntity<byte[]> catalog(@RequestParam(required = false) String format,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                   HttpServletRequest request) throws HttpMediaTypeNotAcceptableException {
        String type;
        if (format != null) {
            type = FORMATS.get(format);
            if (type == null || type.equals(XML) || type.equals(PDF)) {
                throw new BadInputException("format", "one of ttl, jsonld, html");
            }
        } else {
            type = Negotiation.choose(accept, CATALOG_OFFERS).orElseThrow(() ->
                    new HttpMediaTypeNotAcceptableException(CATALOG_OFFERS.stream().map(MediaType::parseMediaType).toList()));
        }
        var snapshot = register.snapshot();
        RegisterService.Rendition rendition = snapshot.rendition("catalog-" + type, () -> switch (type) {
            case TURTLE -> RegisterService.Rendition.of(EuropassFiles.serialise(snapshot.catalog(), Lang.TURTLE),
                    "text/turtle;charset=UTF-8", snapshot.lastModified());
            case JSON_LD -> RegisterService.Rendition.of(EuropassFiles.serialise(snapshot.catalog(), Lang.JSONLD),
                    JSON_LD, snapshot.lastModified());
            default -> RegisterService.Rendition.of(catalogPage.render(snapshot).getBytes(StandardCharsets.UTF_8),
                    "text/html;charset=UTF-8", snapshot.lastModified());
        });
        return answer(rendition, request, new HttpHeaders(), "Accept");
    }

    /** 200 with the validators and caching headers, or 304 when the client holds this very version. */
    static ResponseEntity<byte[]> answer(RegisterService.Rendition rendition, HttpServletRequest request,
                                         HttpHeaders headers, String vary) {
        headers.setETag(rendition.etag());
        if (rendition.lastModified() != null && rendition.lastModified().getEpochSecond() > 0) {
            headers.set(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC)
                    .format(rendition.lastModified()));
        }
        headers.setCacheControl(CACHE);
        headers.setAccessControlAllowOrigin("*");
        if (vary != null) {
            headers.set(HttpHeaders.VARY, vary);
        }
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), rendition.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        headers.setContentType(MediaType.parseMediaType(rendition.mediaType()));
        return ResponseEntity.ok().headers(headers).body(rendition.bytes());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

}
