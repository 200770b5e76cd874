package org.qualigraph.base;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * An API path that no controller serves answers 404 with the contract's JSON error, for every method. Without it,
 * Vaadin's catch-all forwarding (the last handler mapping) would answer a mistyped API call with 200 and the UI's
 * HTML page. This mapping comes after the controllers' one, so a known path with a wrong method keeps its 405, and
 * before Vaadin's, so only UI routes fall through to Vaadin.
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiPaths {

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping(ObjectMapper json) {
        HttpRequestHandler notFound = (request, response) -> SecurityConfiguration.write(json, request, response,
                HttpStatus.NOT_FOUND, "no API endpoint at " + request.getMethod() + " " + request.getRequestURI()
                        + " (the REST API is described at /swagger-ui.html)");
        var mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return mapping;
    }
}
