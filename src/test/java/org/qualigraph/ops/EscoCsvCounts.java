package org.qualigraph.ops;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;

/** Row counts of the official ESCO files, counted in the test rather than copied from anywhere. */
final class EscoCsvCounts {

    private EscoCsvCounts() {
    }

    static long skills(Path dir) throws IOException {
        return rows(dir.resolve("esco-v1.1.1-classification-en-csv.zip"), "skills_en.csv");
    }

    static long occupations(Path dir) throws IOException {
        return rows(dir.resolve("esco-v1.1.1-classification-en-csv.zip"), "occupations_en.csv");
    }

    static long occupationSkillRelations(Path dir) throws IOException {
        return rows(dir.resolve("esco-v1.1.1-relations-csv.zip"), "occupationSkillRelations.csv");
    }

    private static long rows(Path zip, String name) throws IOException {
        try (var file = new ZipFile(zip.toFile())) {
            var entry = file.stream().filter(e -> e.getName().endsWith(name)).findFirst()
                    .orElseThrow(() -> new IOException(name + " not in " + zip));
            try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
                long n = 0;
                for (var ignored : parser) {
                    n++;
                }
                return n;
            }
        }
    }
}
