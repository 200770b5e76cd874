package org.qualigraph.register;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Content negotiation as the W3C "Cool URIs for the Semantic Web" note describes: the offered type the client rates
 * highest wins (the most specific range that matches an offer decides its quality); on a tie, the order of the offers.
 * No {@code Accept} header means anything goes.
 */
final class Negotiation {

    private Negotiation() {
    }

    static Optional<String> choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offers.get(0));
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return Optional.of(offers.get(0));
        }
        String best = null;
        double bestQuality = 0;
        for (String offer : offers) {
            MediaType type = MediaType.parseMediaType(offer);
            double quality = -1;
            int specificity = -1;
            for (MediaType range : ranges) {
                if (!range.includes(type)) {
                    continue;
                }
                int s = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
                if (s > specificity) {
                    specificity = s;
                    quality = range.getQualityValue();
                }
            }
            if (quality > bestQuality) {
                bestQuality = quality;
                best = offer;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first language of {@code Accept-Language} (in order of quality) that the document has, else null. */
    static String language(String acceptLanguage, List<String> available) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (available.contains(lang)) {
                    return lang;
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
