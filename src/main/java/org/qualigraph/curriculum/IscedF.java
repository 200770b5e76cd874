package org.qualigraph.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ISCED-F 2013 fields of education and training (12 broad, 58 narrow, 150 detailed fields), codes and English
 * labels as in the Europass controlled vocabulary, for the field picker and the ELM-03 check.
 */
public final class IscedF {

    private static final Map<String, String> FIELDS = load();

    private IscedF() {
    }

    /** Code to label, in code order. */
    public static Map<String, String> all() {
        return FIELDS;
    }

    public static boolean exists(String code) {
        return FIELDS.containsKey(code);
    }

    public static Optional<String> label(String code) {
        return Optional.ofNullable(FIELDS.get(code));
    }

    /** The Europass concept URI of a code. */
    public static String uri(String code) {
        return "http://data.europa.eu/snb/isced-f/" + code;
    }

    private static Map<String, String> load() {
        try (InputStream in = IscedF.class.getResourceAsStream("/reference/isced-f-2013.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/isced-f-2013.csv is missing from the classpath");
            }
            var fields = new LinkedHashMap<String, String>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int comma = line.indexOf(',');
                if (comma > 0) {
                    String label = line.substring(comma + 1);
                    if (label.startsWith("\"") && label.endsWith("\"")) {
                        label = label.substring(1, label.length() - 1).replace("\"\"", "\"");
                    }
                    fields.put(line.substring(0, comma), label);
                }
            }
            return Collections.unmodifiableMap(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
