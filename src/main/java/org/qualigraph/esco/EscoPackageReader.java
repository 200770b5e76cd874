package org.qualigraph.esco;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.qualigraph.base.Message;

/**
 * Reads the official ESCO CSV packages straight from their zip files, in either layout: v1.1.x (a language package
 * with {@code _en} files plus a language-independent relations package without the suffix) and v1.2.x (every file
 * suffixed, relations possibly in the language package). Files are found by name with or without the language suffix
 * in either zip, columns by header name (RFC 4180), and multi-valued cells are split the way ESCO encodes them
 * (newlines in the skill/occupation/group files, {@code " | "} in the collections). Every problem is an
 * {@link EscoPackageException} naming the file and line.
 */
final class EscoPackageReader {

    static final Set<String> SKILL_TYPES = Set.of("skill/competence", "knowledge");
    static final Set<String> REUSE_LEVELS = Set.of("transversal", "cross-sector", "sector-specific", "occupation-specific");
    static final Set<String> RELATION_TYPES = Set.of("essential", "optional");
    /** Far above the largest official file (skills_en.csv of all of ESCO is about 30 MB), far below a zip bomb. */
    static final long MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024 * 1024;
    /** CSV compresses about 5-10 times; only entries above {@link #SUSPICIOUS_SIZE} are held to the ratio. */
    static final long MAX_RATIO = 200;
    static final long SUSPICIOUS_SIZE = 100L * 1024 * 1024;

    /** The files an import needs, keyed by name without language suffix and extension, with the columns used. */
    static final Map<String, List<String>> FILES = new LinkedHashMap<>();

    /** Collection files and the collection name they stand for. */
    static final Map<String, String> COLLECTIONS = Map.of(
            "digitalSkillsCollection", "digital",
            "greenSkillsCollection", "green",
            "transversalSkillsCollection", "transversal",
            "languageSkillsCollection", "language",
            "researchSkillsCollection", "research",
            "digCompSkillsCollection", "digcomp");

    static {
        FILES.put("skills", List.of("conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description"));
        FILES.put("skillGroups", List.of("conceptType", "conceptUri", "preferredLabel", "altLabels", "description", "code"));
        FILES.put("occupations", List.of("conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description", "code"));
        FILES.put("ISCOGroups", List.of("conceptType", "conceptUri", "code", "preferredLabel", "description"));
        FILES.put("skillsHierarchy", List.of("Level 0 URI", "Level 1 URI", "Level 2 URI", "Level 3 URI",
                "Level 0 code", "Level 1 code", "Level 2 code", "Level 3 code"));
        FILES.put("occupationSkillRelations", List.of("occupationUri", "relationType", "skillUri"));
        FILES.put("skillSkillRelations", List.of("originalSkillUri", "relationType", "relatedSkillUri"));
        FILES.put("broaderRelationsSkillPillar", List.of("conceptType", "conceptUri", "broaderType", "broaderUri"));
        FILES.put("broaderRelationsOccPillar", List.of("conceptType", "conceptUri", "broaderType", "broaderUri"));
        for (String collection : List.of("transversalSkillsCollection", "languageSkillsCollection", "digitalSkillsCollection",
                "greenSkillsCollection", "digCompSkillsCollection", "researchSkillsCollection")) {
            FILES.put(collection, List.of("conceptType", "conceptUri"));
        }
    }

    private static final Pattern FILE_NAME = Pattern.compile("(?:.*/)?([A-Za-z]+?)(?:_[a-z]{2}(?:-[a-z]+)?)?\\.csv");
    private static final Pattern VERSION = Pattern.compile("(?i)esco[-_ ]?(v?\\d+(?:\\.\\d+){1,2})");
    private static final Pattern NEWLINES = Pattern.compile("\\r?\\n");
    private static final Pattern BARS = Pattern.compile("\\s+\\|\\s+");
    private static final Pattern TRANSVERSAL_GROUP = Pattern.compile("T[1-6]");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    /** A package to read: the zip file, what to call it in messages, and its original file name (for the version). */
    record Source(String part, Path zip, String originalName) {
    }

    /** The files a language package contributes labels from, and the columns read from them. */
    static final Set<String> LABEL_FILES = Set.of("skills", "occupations", "skillGroups");
    static final List<String> LABEL_COLUMNS = List.of("conceptUri", "preferredLabel", "altLabels", "description");
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("(?:.*/)?([A-Za-z]+?)_([a-z]{2}(?:-[a-z]+)?)\\.csv");

    private final EscoData data = new EscoData();
    /** Reading a language package: only the labels, alternative labels and descriptions of the label files. */
    private boolean labelsOnly;
    private final Map<String, String> groupCodes = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final DoubleConsumer progress;
    private long totalBytes;
    private long readBytes;

    private EscoPackageReader(DoubleConsumer progress) {
        this.progress = progress;
    }

    /** Reads and validates both packages; {@code progress} receives the share read, 0-1. */
    static EscoData read(List<Source> sources, DoubleConsumer progress) {
        var reader = new EscoPackageReader(progress);
        for (Source source : sources) {
            reader.totalBytes += size(source);
        }
        for (Source source : sources) {
            reader.readPackage(source);
        }
        reader.finish(sources);
        return reader.data;
    }

    /**
     * Reads the labels of a classification package in another language (e.g. {@code skills_de.csv},
     * {@code occupations_de.csv}, {@code skillGroups_de.csv}): every other file of the package is skipped, and the
     * skills and occupations files must be there.
     */
    static EscoData readLabels(Source source, DoubleConsumer progress) {
        var reader = new EscoPackageReader(progress);
        reader.labelsOnly = true;
        reader.totalBytes = size(source);
        reader.readPackage(source);
        List<String> missing = List.of("skills", "occupations").stream().filter(k -> !reader.seen.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw new EscoPackageException(Message.of("problem.esco.missingLabelFiles", String.join(", ", missing.stream()
                    .map(m -> m + "_" + reader.data.language + ".csv").toList()), source.originalName()));
        }
        Matcher version = VERSION.matcher(String.valueOf(source.originalName()));
        if (version.find()) {
            String v = version.group(1);
            reader.data.detectedVersion = v.startsWith("v") || v.startsWith("V") ? v.toLowerCase(Locale.ROOT) : "v" + v;
        }
        return reader.data;
    }

    /**
     * The language of a classification package, from the suffix of its ESCO files ({@code occupations_de.csv} is
     * German), or null when they carry none (the relations package of v1.1.x). Files of two languages in one package
     * are refused.
     */
    static String language(Path zip, Object where) {
        var languages = new TreeSet<String>();
        try (var file = new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            var entries = file.entries();
            while (entries.hasMoreElements()) {
                Matcher name = LANGUAGE_SUFFIX.matcher(entries.nextElement().getName());
                if (name.matches() && canonical(name.group(1)) != null) {
                    languages.add(name.group(2));
                }
            }
        } catch (IOException e) {
            throw new EscoPackageException(Message.of("problem.esco.unreadable", where, String.valueOf(e.getMessage())), e);
        }
        if (languages.size() > 1) {
            throw new EscoPackageException(Message.of("problem.esco.languages", where, String.join(", ", languages)));
        }
        return languages.isEmpty() ? null : languages.first();
    }

    private static long size(Source source) {
        try {
            return Math.max(1, Files.size(source.zip()));
        } catch (IOException e) {
            throw new EscoPackageException(Message.of("problem.esco.unreadable", where(source), String.valueOf(e.getMessage())), e);
        }
    }

    private void readPackage(Source source) {
        Message where = where(source);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(source.zip()))) {
            raw.mark(4);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw new EscoPackageException(Message.of("problem.esco.notZip", where));
            }
            var counting = new CountingStream(raw);
            var zip = new ZipInputStream(counting, StandardCharsets.UTF_8);
            ZipEntry entry;
            while ((entry = nextEntry(zip, where)) != null) {
                Matcher name = FILE_NAME.matcher(entry.getName());
                if (entry.isDirectory() || !name.matches()) {
                    continue;
                }
                String key = canonical(name.group(1));
                String fileName = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (key == null || labelsOnly && !LABEL_FILES.contains(key) || !seen.add(key)) {
                    continue;
                }
                if (labelsOnly) {
                    Matcher suffix = LANGUAGE_SUFFIX.matcher(entry.getName());
                    data.language = suffix.matches() ? suffix.group(2) : null;
                }
                parse(key, fileName, where, new Bounded(zip, fileName), counting);
            }
            readBytes += counting.count;
        } catch (IOException e) {
            throw new EscoPackageException(Message.of("problem.esco.unreadable", where, String.valueOf(e.getMessage())), e);
        }
    }

    /** "classification package (name.zip)": the package named as the problems name it. */
    private static Message where(Source source) {
        return Message.of("relations".equals(source.part()) ? "problem.esco.package.relations"
                : "problem.esco.package.classification", String.valueOf(source.originalName()));
    }

    /**
     * Checks a package's zip directory before an import job starts, so a broken or hostile upload is refused at once
     * with the file named: a truncated or damaged zip, an empty one, entry names that climb out of a folder
     * ({@code ../}, absolute paths, drive letters) and entries announcing more uncompressed data than any ESCO file
     * has, or a compression ratio no CSV reaches (a zip bomb). The job still caps what it actually inflates.
     */
    static void checkStructure(Path zip, Object where) {
        try (var file = new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            var entries = file.entries();
            int count = 0;
            long total = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                count++;
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("\\") || name.contains(":")
                        || Arrays.asList(name.split("/")).contains("..")) {
                    throw new EscoPackageException(Message.of("problem.esco.unsafePath", where, name));
                }
                long size = entry.getSize();
                if (size > MAX_ENTRY_BYTES) {
                    throw new EscoPackageException(Message.of("problem.esco.entryTooLarge", where, name, size, MAX_ENTRY_BYTES));
                }
                long compressed = entry.getCompressedSize();
                if (size > SUSPICIOUS_SIZE && compressed > 0 && size / compressed > MAX_RATIO) {
                    throw new EscoPackageException(Message.of("problem.esco.zipBomb", where, name, size / compressed));
                }
                total += Math.max(0, size);
            }
            if (count == 0) {
                throw new EscoPackageException(Message.of("problem.esco.zipEmpty", where));
            }
            if (total > MAX_TOTAL_BYTES) {
                throw new EscoPackageException(Message.of("problem.esco.zipTooLarge", where, total, MAX_TOTAL_BYTES));
            }
        } catch (java.util.zip.ZipException e) {
            throw new EscoPackageException(Message.of("problem.esco.damaged", where, String.valueOf(e.getMessage())), e);
        } catch (IOException e) {
            throw new EscoPackageException(Message.of("problem.esco.unreadable", where, String.valueOf(e.getMessage())), e);
        }
    }

    private static ZipEntry nextEntry(ZipInputStream zip, Message where) {
        try {
            return zip.getNextEntry();
        } catch (IOException e) {
            throw new EscoPackageException(Message.of("problem.esco.damaged", where, String.valueOf(e.getMessage())), e);
        }
    }

    private static String canonical(String base) {
        for (String known : FILES.keySet()) {
            if (known.equalsIgnoreCase(base)) {
                return known;
            }
        }
        return null;
    }

    private void parse(String key, String fileName, Message where, InputStream entryStream, CountingStream counting) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new InputStreamReader(new NonClosing(entryStream), decoder);
        long line = 1;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = (labelsOnly ? LABEL_COLUMNS : FILES.get(key)).stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new EscoPackageException(Message.of("problem.esco.missingColumns", fileName, String.join(", ", missing),
                        String.join(", ", header)));
            }
            Iterator<CSVRecord> records = parser.iterator();
            int rows = 0;
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() > header.size()) {
                    throw new EscoPackageException(Message.of("problem.esco.tooManyFields", fileName, line, header.size(),
                            record.size()));
                }
                row(key, fileName, line, record);
                if (++rows % 2000 == 0) {
                    reportProgress(counting);
                }
            }
            reportProgress(counting);
        } catch (EscoPackageException e) {
            throw e;
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw rowError(fileName, where, line, e);
        } catch (IOException e) {
            throw rowError(fileName, where, line, e);
        }
    }

    private static EscoPackageException rowError(String fileName, Message where, long line, Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new EscoPackageException(Message.of("problem.esco.utf8", fileName, line), e);
        }
        if (cause instanceof java.util.zip.ZipException || cause instanceof java.io.EOFException) {
            return new EscoPackageException(Message.of("problem.esco.rowDamaged", fileName, line, where,
                    String.valueOf(cause.getMessage())), e);
        }
        return new EscoPackageException(Message.of("problem.esco.row", fileName, line, String.valueOf(cause.getMessage())), e);
    }

    private void reportProgress(CountingStream counting) {
        progress.accept(Math.min(1.0, (double) (readBytes + counting.count) / totalBytes));
    }

    private void row(String key, String file, long line, CSVRecord r) {
        if (labelsOnly) {
            String uri = uri(r, "conceptUri", file, line);
            data.labels.put(uri, new EscoData.Labels(key, label(r, file, line), lines(cell(r, "altLabels")),
                    emptyToNull(cell(r, "description"))));
            return;
        }
        switch (key) {
            case "skills" -> {
                String uri = uri(r, "conceptUri", file, line);
                data.skills.put(uri, new EscoData.Skill(uri, label(r, file, line), lines(cell(r, "altLabels")),
                        enumValue(r, "skillType", SKILL_TYPES, file, line), enumValue(r, "reuseLevel", REUSE_LEVELS, file, line),
                        emptyToNull(cell(r, "description"))));
            }
            case "skillGroups" -> {
                String uri = uri(r, "conceptUri", file, line);
                String code = emptyToNull(cell(r, "code"));
                data.skillGroups.put(uri, new EscoData.SkillGroup(uri, label(r, file, line), lines(cell(r, "altLabels")),
                        emptyToNull(cell(r, "description")), code));
                if (code != null) {
                    groupCodes.put(uri, code);
                }
            }
            case "occupations" -> {
                String uri = uri(r, "conceptUri", file, line);
                data.occupations.put(uri, new EscoData.Occupation(uri, label(r, file, line), lines(cell(r, "altLabels")),
                        emptyToNull(cell(r, "iscoGroup")), emptyToNull(cell(r, "code")), emptyToNull(cell(r, "description"))));
            }
            case "ISCOGroups" -> {
                String uri = uri(r, "conceptUri", file, line);
                data.iscoGroups.put(uri, new EscoData.IscoGroup(uri, cell(r, "code").strip(), label(r, file, line),
                        emptyToNull(cell(r, "description"))));
            }
            case "skillsHierarchy" -> {
                String previous = null;
                for (int level = 0; level <= 3; level++) {
                    String uri = cell(r, "Level " + level + " URI").strip();
                    if (uri.isEmpty()) {
                        break;
                    }
                    uri = checkUri(uri, "Level " + level + " URI", file, line);
                    String code = cell(r, "Level " + level + " code").strip();
                    if (!code.isEmpty()) {
                        groupCodes.putIfAbsent(uri, code);
                    }
                    if (previous != null) {
                        data.skillBroader.add(new EscoData.Link(uri, previous, null, "SkillGroup", "SkillGroup"));
                    }
                    previous = uri;
                }
            }
            case "occupationSkillRelations" -> data.occupationSkills.add(new EscoData.Link(uri(r, "occupationUri", file, line),
                    uri(r, "skillUri", file, line), enumValue(r, "relationType", RELATION_TYPES, file, line, true),
                    "Occupation", "KnowledgeSkillCompetence"));
            case "skillSkillRelations" -> data.skillSkills.add(new EscoData.Link(uri(r, "originalSkillUri", file, line),
                    uri(r, "relatedSkillUri", file, line), enumValue(r, "relationType", RELATION_TYPES, file, line, true),
                    "KnowledgeSkillCompetence", "KnowledgeSkillCompetence"));
            case "broaderRelationsSkillPillar" -> data.skillBroader.add(new EscoData.Link(uri(r, "conceptUri", file, line),
                    uri(r, "broaderUri", file, line), null, cell(r, "conceptType").strip(), cell(r, "broaderType").strip()));
            case "broaderRelationsOccPillar" -> data.occupationBroader.add(new EscoData.Link(uri(r, "conceptUri", file, line),
                    uri(r, "broaderUri", file, line), null, kind(r, "conceptType", file, line), kind(r, "broaderType", file, line)));
            default -> data.addToCollection(uri(r, "conceptUri", file, line), COLLECTIONS.get(key));
        }
    }

    private void finish(List<Source> sources) {
        List<String> missing = FILES.keySet().stream().filter(k -> !seen.contains(k)).toList();
        if (!missing.isEmpty()) {
            String names = String.join(", ", missing.stream().map(m -> m + "_en.csv").toList());
            Object in = sources.size() == 1 ? where(sources.get(0))
                    : Message.of("problem.esco.both", where(sources.get(0)), where(sources.get(1)));
            throw new EscoPackageException(Message.of("problem.esco.missingFiles", names, in));
        }
        computeTransversalGroups();
        for (Source source : sources) {
            Matcher version = VERSION.matcher(String.valueOf(source.originalName()));
            if (version.find()) {
                String v = version.group(1);
                data.detectedVersion = v.startsWith("v") || v.startsWith("V") ? v.toLowerCase(Locale.ROOT) : "v" + v;
                break;
            }
        }
    }

    /** Walks each skill's broader relations up to the level-1 transversal groups (codes T1-T6). */
    private void computeTransversalGroups() {
        Map<String, List<String>> broader = new HashMap<>();
        for (EscoData.Link link : data.skillBroader) {
            broader.computeIfAbsent(link.from(), k -> new ArrayList<>(2)).add(link.to());
        }
        Map<String, Set<String>> memo = new HashMap<>();
        for (String skill : data.skills.keySet()) {
            Set<String> groups = transversal(skill, broader, memo, new HashSet<>());
            if (!groups.isEmpty()) {
                data.transversalGroups.put(skill, groups);
            }
        }
    }

    private Set<String> transversal(String uri, Map<String, List<String>> broader, Map<String, Set<String>> memo, Set<String> path) {
        Set<String> known = memo.get(uri);
        if (known != null) {
            return known;
        }
        Set<String> result = new TreeSet<>();
        if (path.add(uri)) {
            String code = groupCodes.get(uri);
            if (code != null && TRANSVERSAL_GROUP.matcher(code).matches()) {
                result.add(code);
            }
            for (String parent : broader.getOrDefault(uri, List.of())) {
                result.addAll(transversal(parent, broader, memo, path));
            }
            path.remove(uri);
        }
        Set<String> frozen = result.isEmpty() ? Set.of() : result;
        memo.put(uri, frozen);
        return frozen;
    }

    /** The cell, or "" when the row ends early (ESCO leaves trailing empty cells out, e.g. in skillsHierarchy). */
    private static String cell(CSVRecord r, String column) {
        return r.isSet(column) ? r.get(column) : "";
    }

    private String uri(CSVRecord r, String column, String file, long line) {
        return checkUri(cell(r, column).strip(), column, file, line);
    }

    private String checkUri(String value, String column, String file, long line) {
        if (value.isEmpty()) {
            throw new EscoPackageException(Message.of("problem.esco.emptyCell", file, line, column));
        }
        if (!value.startsWith("http://") && !value.startsWith("https://") || value.chars().anyMatch(Character::isWhitespace)) {
            throw new EscoPackageException(Message.of("problem.esco.notUri", file, line, column, abbreviate(value)));
        }
        return data.uri(value);
    }

    private static String label(CSVRecord r, String file, long line) {
        String label = cell(r, "preferredLabel").strip();
        if (label.isEmpty()) {
            throw new EscoPackageException(Message.of("problem.esco.emptyCell", file, line, "preferredLabel"));
        }
        return label;
    }

    private static String kind(CSVRecord r, String column, String file, long line) {
        String value = cell(r, column).strip();
        if (!Set.of("Occupation", "ISCOGroup").contains(value)) {
            throw new EscoPackageException(Message.of("problem.esco.kind", file, line, column, abbreviate(value)));
        }
        return value;
    }

    private static String enumValue(CSVRecord r, String column, Set<String> allowed, String file, long line) {
        return enumValue(r, column, allowed, file, line, false);
    }

    private static String enumValue(CSVRecord r, String column, Set<String> allowed, String file, long line, boolean required) {
        String value = cell(r, column).strip();
        if (value.isEmpty() && !required) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw new EscoPackageException(Message.of("problem.esco.notOneOf", file, line, column, abbreviate(value),
                    String.valueOf(new TreeSet<>(allowed))));
        }
        return value;
    }

    /** Newline-separated labels, trimmed, empty ones and duplicates dropped. */
    static List<String> lines(String cell) {
        return split(cell, NEWLINES);
    }

    /** {@code " | "}-separated values as in the collection files. */
    static List<String> bars(String cell) {
        return split(cell, BARS);
    }

    private static List<String> split(String cell, Pattern separator) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        var values = new LinkedHashSet<String>();
        Arrays.stream(separator.split(cell)).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        return List.copyOf(values);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }

    /** Counts compressed bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** One zip entry, refused once it inflates beyond {@link #MAX_ENTRY_BYTES} whatever its header said. */
    private static final class Bounded extends FilterInputStream {
        private final String fileName;
        private long count;

        Bounded(InputStream in, String fileName) {
            super(in);
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > MAX_ENTRY_BYTES) {
                throw new EscoPackageException(Message.of("problem.esco.inflates", fileName, MAX_ENTRY_BYTES));
            }
        }
    }

    /** Lets the CSV parser close its reader without closing the zip stream. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }
}
