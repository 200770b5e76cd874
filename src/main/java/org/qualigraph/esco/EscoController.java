package org.qualigraph.esco;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qualigraph.base.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * ESCO over HTTP: importing a release or another language's texts (ADMIN), searching skills and occupations (in a
 * language with {@code lang}), and the loaded release's status per language.
 */
@RestController
class EscoController {

    private final EscoService esco;

    EscoController(EscoService esco) {
        this.esco = esco;
    }

    @PostMapping(path = "/api/imports/esco", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> importEsco(@RequestPart(name = "classification", required = false) MultipartFile classification,
                                   @RequestPart(name = "relations", required = false) MultipartFile relations,
                                   @RequestParam(name = "version", required = false) String version) throws IOException {
        Path classificationFile = store("classification", classification);
        if (relations == null || relations.isEmpty()) {
            // a classification package in another language (skills_de.csv, ...) adds its texts to the loaded release
            String language;
            try {
                language = EscoPackageReader.language(classificationFile, "the part \"classification\" ("
                        + classification.getOriginalFilename() + ")");
            } catch (EscoPackageException e) {
                Files.deleteIfExists(classificationFile);
                throw new BadInputException("classification", e.getMessage());
            }
            if (language != null && !language.equals("en")) {
                try {
                    return Map.of("job", esco.startLanguageImport(new EscoService.PackageFile(classificationFile,
                            classification.getOriginalFilename()), language, true));
                } catch (BadInputException | org.qualigraph.base.ConflictException e) {
                    Files.deleteIfExists(classificationFile);
                    throw e;
                }
            }
        }
        Path relationsFile;
        try {
            relationsFile = store("relations", relations);
        } catch (BadInputException | IOException e) {
            Files.deleteIfExists(classificationFile);
            throw e;
        }
        try {
            String job = esco.startImport(new EscoService.PackageFile(classificationFile, classification.getOriginalFilename()),
                    new EscoService.PackageFile(relationsFile, relations.getOriginalFilename()), version, true);
            return Map.of("job", job);
        } catch (BadInputException | org.qualigraph.base.ConflictException e) {
            Files.deleteIfExists(classificationFile);
            Files.deleteIfExists(relationsFile);
            throw e;
        }
    }

    /**
     * Checks the part is there and is a sound zip file (see {@link EscoPackageReader#checkStructure}), and keeps it in
     * a temporary file for the job.
     */
    private static Path store(String part, MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new BadInputException(part, "the multipart part \"" + part + "\" (an ESCO CSV zip package) is missing or empty");
        }
        try (InputStream in = file.getInputStream()) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw new BadInputException(part, "the part \"" + part + "\" (" + file.getOriginalFilename() + ") is not a zip file");
            }
        }
        Path target = Files.createTempFile("esco-" + part + "-", ".zip");
        file.transferTo(target);
        try {
            EscoPackageReader.checkStructure(target, "the part \"" + part + "\" (" + file.getOriginalFilename() + ")");
        } catch (EscoPackageException e) {
            Files.deleteIfExists(target);
            throw new BadInputException(part, e.getMessage());
        }
        return target;
    }

    @GetMapping("/api/esco/skills")
    @PreAuthorize("isAuthenticated()")
    List<EscoService.SkillHit> skills(@RequestParam(name = "q", required = false) String q,
                                      @RequestParam(name = "limit", required = false) String limit,
                                      @RequestParam(name = "skillType", required = false) String skillType,
                                      @RequestParam(name = "reuseLevel", required = false) String reuseLevel,
                                      @RequestParam(name = "collection", required = false) String collection,
                                      @RequestParam(name = "lang", required = false) String lang) {
        int max = limit(limit);
        checkQuery(q);
        String language = EscoLanguages.check(lang, "lang");
        var filter = new EscoService.SkillFilter(blankToNull(skillType), blankToNull(reuseLevel), blankToNull(collection));
        return esco.searchSkills(q, max, filter, language);
    }

    @GetMapping("/api/esco/occupations")
    @PreAuthorize("isAuthenticated()")
    List<EscoService.OccupationHit> occupations(@RequestParam(name = "q", required = false) String q,
                                                @RequestParam(name = "limit", required = false) String limit,
                                                @RequestParam(name = "lang", required = false) String lang) {
        int max = limit(limit);
        checkQuery(q);
        String language = EscoLanguages.check(lang, "lang");
        return esco.searchOccupations(q, max, language);
    }

    @GetMapping("/api/esco/status")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> status() {
        var release = esco.release();
        var answer = new LinkedHashMap<String, Object>();
        answer.put("version", release.map(EscoCatalog.EscoRelease::version).orElse(null));
        answer.put("skills", release.map(EscoCatalog.EscoRelease::skills).orElse(0L));
        answer.put("occupations", release.map(EscoCatalog.EscoRelease::occupations).orElse(0L));
        answer.put("occupationSkillRelations", release.map(EscoCatalog.EscoRelease::occupationSkillRelations).orElse(0L));
        answer.put("importedAt", release.map(EscoCatalog.EscoRelease::importedAt).map(Object::toString).orElse(null));
        // per language what its import brought: English is the release itself, the others are added texts
        var languages = new LinkedHashMap<String, Object>();
        release.ifPresent(r -> {
            var english = new LinkedHashMap<String, Object>();
            english.put("skills", r.skills());
            english.put("occupations", r.occupations());
            english.put("importedAt", r.importedAt() == null ? null : r.importedAt().toString());
            languages.put("en", english);
        });
        languages.putAll(esco.languages());
        answer.put("languages", languages);
        return answer;
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 10;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw new BadInputException("limit", "must be a whole number from 1 to 100, got \"" + limit + "\"");
    }

    private static void checkQuery(String q) {
        if (q != null && q.length() > 200) {
            throw new BadInputException("q", "the search text is longer than 200 characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
