package org.qualigraph.exchange.elm;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.jena.riot.Lang;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.exchange.Exporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Europass QDR export formats of the contract: {@code loq-xml}, {@code elm-jsonld}, {@code elm-turtle}. */
@Configuration(proxyBeanMethods = false)
class ElmExporters {

    @Bean
    Exporter loqXmlExporter(QdrExports exports) {
        return new Exporter() {
            public String format() {
                return "loq-xml";
            }

            public String label() {
                return "Europass QDR (LOQ XML)";
            }

            public String mediaType() {
                return "application/xml";
            }

            public String extension() {
                return "xml";
            }

            public void write(QualificationDocument document, String language, OutputStream out) throws IOException {
                exports.writeLoqXml(document, language, out);
            }
        };
    }

    @Bean
    Exporter elmJsonLdExporter(QdrExports exports) {
        return rdf(exports, "elm-jsonld", "European Learning Model (JSON-LD)", "application/ld+json", "jsonld", Lang.JSONLD);
    }

    @Bean
    Exporter elmTurtleExporter(QdrExports exports) {
        return rdf(exports, "elm-turtle", "European Learning Model (Turtle)", "text/turtle", "ttl", Lang.TURTLE);
    }

    private static Exporter rdf(QdrExports exports, String format, String label, String mediaType, String extension, Lang lang) {
        return new Exporter() {
            public String format() {
                return format;
            }

            public String label() {
                return label;
            }

            public String mediaType() {
                return mediaType;
            }

            public String extension() {
                return extension;
            }

            public void write(QualificationDocument document, String language, OutputStream out) {
                exports.writeRdf(document, language, lang, out);
            }
        };
    }
}
