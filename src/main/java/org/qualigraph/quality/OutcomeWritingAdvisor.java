package org.qualigraph.quality;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qualigraph.esco.SentenceEncoder;

/**
 * Help with writing learning outcomes (Cedefop handbook, standards.md §6.7 and §6.8): finds the main verb of a
 * statement, flags vague verbs and stacked verbs, checks for an object and a context, places the verb in a band of
 * Bloom's revised taxonomy, suggests verbs for an EQF level and finds near-duplicate statements.
 * <p>
 * Languages covered: <b>English</b> (imperative style "Explain ..." and "The learner is able to explain ...") and
 * <b>German</b> (infinitive at the end, "Die Lernenden können ... beschreiben", or first, "Beschreiben ..."). Statements
 * in other languages are not analysed; the rules then use the English or German text of the outcome if there is one.
 * Pure Java whose only state is what it remembers by content (analyses by text and language, sentence vectors by
 * text), so the editor can call it on every keystroke and a report computed again costs little.
 */
public final class OutcomeWritingAdvisor {

    /**
     * Cosine similarity of two statements' sentence vectors from which they say the same thing in other words (LO-04).
     * all-MiniLM-L6-v2 (quantised) gives a paraphrase such as "Explain the safety rules for working on high-voltage
     * batteries" / "Describe the safety regulations that apply to work on high-voltage battery systems" 0.88, and
     * distinct outcomes of one unit about 0.35-0.6.
     */
    public static final double MEANING_DUPLICATE = 0.85;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    /** The cognitive process levels of Bloom's revised taxonomy (Anderson &amp; Krathwohl 2001), lowest first. */
    public enum Bloom { REMEMBER, UNDERSTAND, APPLY, ANALYSE, EVALUATE, CREATE }

    /** The languages the verb checks understand. */
    public static final Set<String> LANGUAGES = Set.of("en", "de");

    private static final Map<String, Bloom> EN = new HashMap<>();
    private static final Map<String, Bloom> DE = new HashMap<>();
    private static final Set<String> EN_VAGUE = set("know", "understand", "appreciate", "learn", "comprehend",
            "realise", "realize", "grasp", "recognise the importance", "be aware of", "be familiar with",
            "be acquainted with", "have knowledge of", "have an understanding of", "have an awareness of",
            "become familiar with", "become aware of", "gain knowledge of", "gain an understanding of");
    private static final Set<String> DE_VAGUE = set("kennen", "wissen", "verstehen", "lernen", "wertschätzen",
            "vertraut sein", "bewusst sein", "kenntnis haben", "kenntnisse haben", "verständnis haben", "kennenlernen");
    private static final Set<String> EN_NOT_VERBS = set("the", "a", "an", "this", "these", "that", "those", "his",
            "her", "their", "its", "our", "knowledge", "understanding", "awareness", "ability", "basic", "good",
            "sound", "broad", "advanced", "skills", "skill", "competence", "principles", "theory", "theories", "of",
            "in", "on", "for", "with", "and", "familiarity", "introduction", "overview", "students", "learners",
            "student", "learner", "he", "she", "they", "it", "we", "i", "you");
    private static final Set<String> EN_CONTEXT = set("in", "using", "according", "under", "with", "within",
            "without", "by", "following", "based", "accordance", "line", "when", "through", "on", "at", "for", "as",
            "during", "after", "before", "from", "to", "via", "while", "independently", "autonomously", "safely",
            "correctly", "accurately");
    private static final Set<String> DE_CONTEXT = set("in", "im", "unter", "mit", "mithilfe", "anhand", "gemäß",
            "nach", "entsprechend", "bei", "beim", "auf", "selbstständig", "selbständig", "eigenverantwortlich",
            "während", "durch", "für", "ohne", "zur", "zum", "innerhalb");
    private static final Set<String> STOP = set("the", "a", "an", "of", "and", "or", "to", "in", "on", "for",
            "with", "using", "by", "as", "at", "from", "such", "their", "own", "its", "is", "are", "be", "able",
            "learner", "learners", "student", "students", "can", "will", "der", "die", "das", "den", "dem", "des",
            "und", "oder", "zu", "mit", "von", "im", "in", "für", "ein", "eine", "einer", "einen", "können", "kann",
            "lernenden", "lernende", "sie", "sind", "ist");
    private static final Pattern EN_LEAD = Pattern.compile(
            "^(?:(?:on|upon|after|by the end of)[^,]*,\\s*)?(?:(?:the|a|each)\\s+)?(?:learners?|students?|graduates?"
                    + "|participants?|apprentices?|trainees?|candidates?)\\s+(?:(?:is|are|will be|shall be|should be)"
                    + "\\s+able\\s+to\\s+|can\\s+|will\\s+|should\\s+|must\\s+|shall\\s+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern EN_ABLE = Pattern.compile("^(?:(?:be|is|are)\\s+)?able\\s+to\\s+|^to\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DE_LEAD = Pattern.compile(
            "^(?:(?:die|der|das)\\s+)?(?:lernenden?|auszubildenden?|studierenden?|absolvent(?:inn)?en|teilnehmenden?)"
                    + "\\s+(?:können|kann|sind in der lage,?|ist in der lage,?)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DE_VAGUE_FINITE = Pattern.compile(
            "^(?:(?:die|der|das)\\s+)?(?:lernenden?|auszubildenden?|studierenden?|absolvent(?:inn)?en|teilnehmenden?)"
                    + "\\s+(kennen|kennt|wissen|weiß|verstehen|versteht|lernen|lernt)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-/.]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]|,");

    static {
        en(Bloom.REMEMBER, "define list name recall recognise recognize state identify label locate match memorise "
                + "memorize repeat reproduce cite enumerate quote retrieve select");
        en(Bloom.UNDERSTAND, "explain describe classify summarise summarize interpret paraphrase discuss distinguish "
                + "illustrate indicate translate exemplify infer estimate clarify outline represent characterise "
                + "characterize relate read explore associate extend predict");
        en(Bloom.APPLY, "apply implement execute use operate solve demonstrate calculate perform prepare handle measure "
                + "wear dispose follow transfer keep fill assemble install maintain adjust conduct complete record "
                + "document report communicate present manipulate compute practise practice sketch employ fit mount "
                + "load clean store weld solder program configure take contribute work cooperate collaborate "
                + "participate carry set draw dismantle replace repair calibrate label adapt change show schedule "
                + "write respond comply observe act navigate serve process sort pack mix coat enter");
        en(Bloom.ANALYSE, "analyse analyze compare contrast differentiate organise organize deconstruct examine "
                + "investigate inspect troubleshoot diagnose categorise categorize attribute detect question "
                + "survey break trace discriminate correlate debug");
        en(Bloom.EVALUATE, "assess judge critique justify check monitor test evaluate appraise verify validate decide "
                + "recommend prioritise prioritize review argue defend rate control supervise audit approve weigh "
                + "reflect conclude");
        en(Bloom.CREATE, "design construct plan produce generate formulate develop create compose devise invent "
                + "initiate propose build integrate lead manage coordinate research establish improve optimise "
                + "optimize innovate synthesise synthesize elaborate model author transform "
                + "redesign");
        de(Bloom.REMEMBER, "nennen benennen aufzählen auflisten definieren wiedergeben identifizieren erkennen angeben");
        de(Bloom.UNDERSTAND, "erklären erläutern beschreiben darstellen zusammenfassen interpretieren klassifizieren "
                + "einordnen unterscheiden lesen zuordnen");
        de(Bloom.APPLY, "anwenden durchführen einsetzen bedienen nutzen verwenden berechnen lösen ausführen "
                + "demonstrieren vorbereiten einrichten messen montieren dokumentieren protokollieren präsentieren "
                + "befüllen tragen entsorgen befolgen einhalten handhaben warten installieren umsetzen bearbeiten "
                + "herstellen reinigen lagern melden übernehmen mitwirken kommunizieren");
        de(Bloom.ANALYSE, "analysieren vergleichen untersuchen gegenüberstellen differenzieren diagnostizieren "
                + "ermitteln inspizieren");
        de(Bloom.EVALUATE, "beurteilen bewerten überprüfen prüfen kontrollieren überwachen begründen entscheiden "
                + "testen abwägen reflektieren");
        de(Bloom.CREATE, "entwickeln entwerfen planen gestalten konzipieren erstellen erarbeiten formulieren "
                + "konstruieren optimieren koordinieren leiten initiieren verbessern");
    }

    private static Set<String> set(String... values) {
        return Set.copyOf(Arrays.asList(values));
    }

    private static void en(Bloom band, String verbs) {
        Arrays.stream(verbs.split(" ")).forEach(v -> EN.putIfAbsent(v, band));
    }

    private static void de(Bloom band, String verbs) {
        Arrays.stream(verbs.split(" ")).forEach(v -> DE.putIfAbsent(v, band));
    }

    /**
     * What the advisor read from one statement in one language.
     *
     * @param mainVerb     the main verb as found (lower case; "carry out", "be familiar with"), null if none
     * @param band         its Bloom band, null when the verb is not in the lexicon or vague
     * @param vague        the main verb is a vague, non-observable one (LO-01)
     * @param noVerb       the statement does not start with (or end in) an action verb (LO-01)
     * @param stackedVerbs further verbs stacked with the main verb ("describe and explain"), LO-02
     * @param hasObject    there are words the verb acts on (LO-02)
     * @param hasContext   a context or standard marker follows the verb (LO-02)
     * @param words        number of words
     */
    public record Analysis(String language, String mainVerb, Bloom band, boolean vague, boolean noVerb,
                           List<String> stackedVerbs, boolean hasObject, boolean hasContext, int words) {

        /** Plain-language problems for LO-01 (verb), in English. */
        public Optional<String> verbProblem() {
            return verbProblemText().map(org.qualigraph.base.Message::english);
        }

        /** The LO-01 problem as a sentence part of the bundles ({@code quality.problem.*}). */
        public Optional<org.qualigraph.base.Message> verbProblemText() {
            if (vague) {
                return Optional.of(org.qualigraph.base.Message.of("quality.problem.vagueVerb", mainVerb));
            }
            if (noVerb) {
                return Optional.of(org.qualigraph.base.Message.of("quality.problem.noVerb"));
            }
            return Optional.empty();
        }

        /** Plain-language problems for LO-02 (structure) in English, empty when the statement is well formed. */
        public List<String> structureProblems(int minWords) {
            return structureProblemTexts(minWords).stream().map(org.qualigraph.base.Message::english).toList();
        }

        /** The LO-02 problems as sentence parts of the bundles, for any reader's language. */
        public List<org.qualigraph.base.Message> structureProblemTexts(int minWords) {
            var problems = new ArrayList<org.qualigraph.base.Message>();
            if (!stackedVerbs.isEmpty()) {
                var verbs = new ArrayList<String>();
                verbs.add(mainVerb);
                verbs.addAll(stackedVerbs);
                problems.add(org.qualigraph.base.Message.of("quality.problem.stacked", verbs));
            }
            if (!hasObject) {
                problems.add(org.qualigraph.base.Message.of("quality.problem.noObject"));
            }
            if (!hasContext) {
                problems.add(org.qualigraph.base.Message.of("quality.problem.noContext"));
            }
            if (words < minWords && hasObject) {
                problems.add(org.qualigraph.base.Message.of("quality.problem.short", words));
            }
            return problems;
        }
    }

    /** Analyses the English text of a statement, else the German one; empty when it has neither. */
    public Optional<Analysis> analyse(Map<String, String> statement) {
        for (String language : List.of("en", "de")) {
            String text = statement.get(language);
            if (text != null && !text.isBlank()) {
                return Optional.of(analyse(text, language));
            }
        }
        return Optional.empty();
    }

    /**
     * Analyses one statement in English ("en") or German ("de"). The analysis depends on the text and its language
     * only, so it is remembered by both: LO-01, LO-02 and LO-03 each ask for every statement, and a report computed
     * again after a save that left a statement as it was (a title, a skill mapping) finds its analysis.
     */
    public Analysis analyse(String text, String language) {
        if (!"de".equals(language) && !"en".equals(language)) {
            throw new IllegalArgumentException("outcome writing checks cover English and German, not " + language);
        }
        String key = language + ':' + text;
        Analysis known = analyses.get(key);
        if (known != null) {
            return known;
        }
        Analysis fresh = "de".equals(language) ? analyseGerman(text) : analyseEnglish(text);
        if (keptAnalyses == 0) {
            return fresh;
        }
        fresh = new Analysis(fresh.language(), fresh.mainVerb(), fresh.band(), fresh.vague(), fresh.noVerb(),
                fresh.stackedVerbs() == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(fresh.stackedVerbs())),
                fresh.hasObject(), fresh.hasContext(), fresh.words());
        if (analyses.size() >= keptAnalyses) {
            analyses.clear();
        }
        analyses.put(key, fresh);
        return fresh;
    }

    private Analysis analyseEnglish(String text) {
        String stripped = EN_LEAD.matcher(text.trim()).replaceFirst("");
        stripped = EN_ABLE.matcher(stripped).replaceFirst("");
        List<String> tokens = tokens(stripped);
        int words = (int) tokens.stream().filter(t -> !t.equals(",")).count();
        if (tokens.isEmpty()) {
            return new Analysis("en", null, null, false, true, List.of(), false, false, 0);
        }
        String lowered = String.join(" ", tokens);
        for (String vague : EN_VAGUE) {
            if (lowered.equals(vague) || lowered.startsWith(vague + " ") || lowered.startsWith(vague + "s ")) {
                int used = vague.split(" ").length;
                return new Analysis("en", vague, null, true, false, List.of(), tokens.size() > used,
                        hasMarker(tokens, used, EN_CONTEXT), words);
            }
        }
        String first = tokens.get(0);
        String verb = englishVerb(first);
        if (verb == null) {
            boolean notVerb = EN_NOT_VERBS.contains(first) || first.matches(".*(ing|tion|ment|ness|ity|ance|ence)$")
                    || first.matches("[\\p{N}].*");
            if (notVerb) {
                return new Analysis("en", null, null, false, true, List.of(), tokens.size() > 1,
                        hasMarker(tokens, 1, EN_CONTEXT), words);
            }
            verb = first;
        }
        int next = 1;
        if (tokens.size() > 1 && Set.of("out", "up", "down", "off").contains(tokens.get(1))) {
            verb = verb + " " + tokens.get(1);
            next = 2;
        }
        var stacked = new ArrayList<String>();
        while (next + 1 < tokens.size() && Set.of(",", "and", "or", "and/or").contains(tokens.get(next))) {
            String candidate = englishVerb(tokens.get(next + 1));
            if (candidate == null) {
                break;
            }
            stacked.add(candidate);
            next += 2;
            if (next < tokens.size() && Set.of("out", "up").contains(tokens.get(next))) {
                next++;
            }
        }
        boolean hasObject = tokens.subList(Math.min(next, tokens.size()), tokens.size()).stream()
                .anyMatch(t -> !t.equals(",") && !EN_CONTEXT.contains(t));
        return new Analysis("en", verb, EN.get(verb.split(" ")[0]), false, false, stacked, hasObject,
                hasMarker(tokens, next + 1, EN_CONTEXT), words);
    }

    private static String englishVerb(String token) {
        if (EN.containsKey(token)) {
            return token;
        }
        if (token.endsWith("ies") && EN.containsKey(token.substring(0, token.length() - 3) + "y")) {
            return token.substring(0, token.length() - 3) + "y";
        }
        if (token.endsWith("es") && EN.containsKey(token.substring(0, token.length() - 2))) {
            return token.substring(0, token.length() - 2);
        }
        if (token.endsWith("s") && EN.containsKey(token.substring(0, token.length() - 1))) {
            return token.substring(0, token.length() - 1);
        }
        return null;
    }

    private Analysis analyseGerman(String text) {
        var finite = DE_VAGUE_FINITE.matcher(text.trim());
        if (finite.find()) {
            List<String> rest = tokens(text.trim().substring(finite.end()));
            return new Analysis("de", finite.group(1).toLowerCase(Locale.ROOT), null, true, false, List.of(),
                    !rest.isEmpty(), hasMarker(rest, 0, DE_CONTEXT), rest.size() + 3);
        }
        String stripped = DE_LEAD.matcher(text.trim()).replaceFirst("");
        List<String> tokens = tokens(stripped);
        tokens = tokens.stream().filter(t -> !t.equals(",")).toList();
        int words = tokens.size();
        if (tokens.isEmpty()) {
            return new Analysis("de", null, null, false, true, List.of(), false, false, 0);
        }
        String lastTwo = tokens.size() >= 2 ? tokens.get(tokens.size() - 2) + " " + tokens.get(tokens.size() - 1) : "";
        String last = tokens.get(tokens.size() - 1);
        if (DE_VAGUE.contains(lastTwo) || DE_VAGUE.contains(last) || DE_VAGUE.contains(tokens.get(0))) {
            String vague = DE_VAGUE.contains(lastTwo) ? lastTwo : DE_VAGUE.contains(last) ? last : tokens.get(0);
            return new Analysis("de", vague, null, true, false, List.of(), words > 2, hasMarker(tokens, 0, DE_CONTEXT),
                    words);
        }
        String verb = germanVerb(last);
        boolean verbAtEnd = verb != null;
        if (verb == null) {
            verb = germanVerb(tokens.get(0));
        }
        if (verb == null) {
            return new Analysis("de", null, null, false, true, List.of(), words > 1, hasMarker(tokens, 0, DE_CONTEXT),
                    words);
        }
        var stacked = new ArrayList<String>();
        if (verbAtEnd && tokens.size() >= 3 && Set.of("und", "oder").contains(tokens.get(tokens.size() - 2))) {
            String other = germanVerb(tokens.get(tokens.size() - 3));
            if (other != null) {
                stacked.add(verb);
                verb = other;
            }
        }
        int objectWords = verbAtEnd ? words - 1 - stacked.size() * 2 : words - 1;
        return new Analysis("de", verb, DE.get(verb), false, false, stacked, objectWords >= 1,
                hasMarker(tokens, verbAtEnd ? 0 : 1, DE_CONTEXT), words);
    }

    private static String germanVerb(String token) {
        if (DE.containsKey(token)) {
            return token;
        }
        int zu = token.indexOf("zu", 1);
        if (zu > 0) {
            String without = token.substring(0, zu) + token.substring(zu + 2);
            if (DE.containsKey(without)) {
                return without;
            }
        }
        return null;
    }

    private static boolean hasMarker(List<String> tokens, int from, Set<String> markers) {
        for (int i = Math.max(from, 0); i < tokens.size(); i++) {
            if (markers.contains(tokens.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tokens(String text) {
        var tokens = new ArrayList<String>();
        var matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** The Bloom bands commonly expected at an EQF level (standards.md §6.8; a heuristic, not part of the EQF). */
    public static List<Bloom> bandsFor(int eqfLevel) {
        return switch (eqfLevel) {
            case 1, 2 -> List.of(Bloom.REMEMBER, Bloom.UNDERSTAND);
            case 3, 4 -> List.of(Bloom.UNDERSTAND, Bloom.APPLY);
            case 5 -> List.of(Bloom.APPLY, Bloom.ANALYSE);
            case 6 -> List.of(Bloom.ANALYSE, Bloom.EVALUATE);
            case 7 -> List.of(Bloom.EVALUATE, Bloom.CREATE);
            default -> List.of(Bloom.CREATE);
        };
    }

    /** Whether a band fits a level, allowing {@code tolerance} bands either side of the expected ones. */
    public static boolean fits(Bloom band, int eqfLevel, int tolerance) {
        List<Bloom> bands = bandsFor(eqfLevel);
        int low = bands.get(0).ordinal() - tolerance;
        int high = bands.get(bands.size() - 1).ordinal() + tolerance;
        return band.ordinal() >= low && band.ordinal() <= high;
    }

    private static final Map<Bloom, List<String>> SUGGESTED = new EnumMap<>(Map.of(
            Bloom.REMEMBER, List.of("define", "list", "name", "identify", "state"),
            Bloom.UNDERSTAND, List.of("explain", "describe", "classify", "summarise", "interpret"),
            Bloom.APPLY, List.of("apply", "use", "operate", "carry out", "demonstrate", "calculate"),
            Bloom.ANALYSE, List.of("analyse", "compare", "differentiate", "examine", "troubleshoot"),
            Bloom.EVALUATE, List.of("assess", "evaluate", "justify", "check", "monitor", "decide"),
            Bloom.CREATE, List.of("design", "plan", "develop", "formulate", "produce", "coordinate")));

    /** Typical English verbs for an EQF level, from the bands expected there (standards.md §6.8). */
    public static List<String> suggestedVerbs(int eqfLevel) {
        var verbs = new ArrayList<String>();
        bandsFor(eqfLevel).forEach(b -> verbs.addAll(SUGGESTED.get(b)));
        return verbs;
    }

    /**
     * What to tell a designer about the main verb of a statement at an EQF level.
     *
     * @param verb        the verb found (null when the statement starts with none)
     * @param band        its Bloom band (null when vague or missing)
     * @param expected    the bands the level usually asks for
     * @param suggestions verbs from those bands, never the one criticised
     */
    public record VerbAdvice(String verb, Bloom band, List<Bloom> expected, List<String> suggestions) {
    }

    /**
     * Advice on the verb only when something is wrong with it: it is vague, missing, or its band lies outside what the
     * level asks for (beyond {@code tolerance} bands, as LO-03 judges it). A verb inside the band, or one the lexicon
     * does not know, gets no advice, so the help never criticises a verb it would itself recommend.
     */
    public static Optional<VerbAdvice> verbAdvice(Analysis analysis, int eqfLevel, int tolerance) {
        boolean wrongBand = analysis.band() != null && !fits(analysis.band(), eqfLevel, tolerance);
        if (!analysis.vague() && !analysis.noVerb() && !wrongBand) {
            return Optional.empty();
        }
        String verb = analysis.mainVerb();
        var suggestions = suggestedVerbs(eqfLevel).stream().filter(v -> verb == null || !v.equalsIgnoreCase(verb)).toList();
        return Optional.of(new VerbAdvice(verb, analysis.band(), bandsFor(eqfLevel), suggestions));
    }

    /** Normalised content tokens of a statement: lower case, accents kept, stop words and punctuation dropped. */
    public static Set<String> contentTokens(String text) {
        var set = new java.util.TreeSet<String>();
        for (String token : tokens(Normalizer.normalize(text, Normalizer.Form.NFC))) {
            if (!token.equals(",") && !STOP.contains(token)) {
                set.add(token.endsWith(".") ? token.substring(0, token.length() - 1) : token);
            }
        }
        return set;
    }

    /** Token Jaccard similarity of two statements, 0-1. */
    public static double similarity(String a, String b) {
        Set<String> x = contentTokens(a);
        Set<String> y = contentTokens(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1.0;
        }
        long common = x.stream().filter(y::contains).count();
        return (double) common / (x.size() + y.size() - common);
    }

    private final java.util.function.Function<List<String>, List<float[]>> meaning;

    /** Statements whose analysis is remembered; beyond that the memory starts again (a few MB at most). */
    static final int KEPT_ANALYSES = 20_000;
    private final Map<String, Analysis> analyses = new java.util.concurrent.ConcurrentHashMap<>();
    private final int keptAnalyses;

    /** Words only: near-duplicates are found by shared words. */
    public OutcomeWritingAdvisor() {
        this(null);
    }

    /** With sentence vectors ({@code meaning} maps texts to unit-length vectors, in order), near-duplicates by meaning too. */
    public OutcomeWritingAdvisor(java.util.function.Function<List<String>, List<float[]>> meaning) {
        this(meaning, KEPT_ANALYSES);
    }

    /** With room for {@code keptAnalyses} remembered analyses; 0 remembers none (a computation from scratch). */
    OutcomeWritingAdvisor(java.util.function.Function<List<String>, List<float[]>> meaning, int keptAnalyses) {
        this.meaning = meaning;
        this.keptAnalyses = keptAnalyses;
    }

    /**
     * Groups of near-duplicate statements (codes in document order): those sharing words (token Jaccard at or above
     * {@code wordThreshold}) and, when sentence vectors are available, those saying the same in other words (cosine
     * at or above {@code meaningThreshold}); linked transitively.
     */
    public List<List<String>> nearDuplicates(Map<String, String> statementsByCode, double wordThreshold, double meaningThreshold) {
        List<String> codes = new ArrayList<>(statementsByCode.keySet());
        int n = codes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < n; i++) {
            index.put(codes.get(i), i);
        }
        for (List<String> group : nearDuplicates(statementsByCode, wordThreshold)) {
            for (int g = 1; g < group.size(); g++) {
                parent[find(parent, index.get(group.get(g)))] = find(parent, index.get(group.get(0)));
            }
        }
        if (meaning != null && n > 1) {
            List<float[]> vectors = meaning.apply(codes.stream().map(statementsByCode::get).toList());
            // statements that differ only in their numbers (step 1.1 / step 1.4) are different outcomes, so only
            // statements with the same numbers are compared: a 1,000-outcome document has 499,500 pairs, and the
            // vectors of most pairs of numbered steps need not be compared at all
            var byNumbers = new LinkedHashMap<List<String>, List<Integer>>();
            for (int i = 0; i < n; i++) {
                byNumbers.computeIfAbsent(numbers(statementsByCode.get(codes.get(i))), k -> new ArrayList<>()).add(i);
            }
            double[] norms = new double[n];
            for (int i = 0; i < n; i++) {
                norms[i] = squaredNorm(vectors.get(i));
            }
            for (List<Integer> same : byNumbers.values()) {
                for (int x = 0; x < same.size(); x++) {
                    int i = same.get(x);
                    for (int y = x + 1; y < same.size(); y++) {
                        int j = same.get(y);
                        // a pair already in one group cannot change the groups
                        if (find(parent, i) != find(parent, j)
                                && cosine(vectors.get(i), norms[i], vectors.get(j), norms[j]) >= meaningThreshold) {
                            parent[find(parent, i)] = find(parent, j);
                        }
                    }
                }
            }
        }
        var groups = new java.util.LinkedHashMap<Integer, List<String>>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(codes.get(i));
        }
        return groups.values().stream().filter(g -> g.size() > 1).toList();
    }

    /** The sum {@link SentenceEncoder#cosine} accumulates for one vector, computed once per statement instead of once per pair. */
    private static double squaredNorm(float[] a) {
        double norm = 0;
        for (float x : a) {
            norm += x * x;
        }
        return norm;
    }

    /** {@link SentenceEncoder#cosine} with both squared norms given: the same arithmetic, so the same value to the bit. */
    static double cosine(float[] a, double na, float[] b, double nb) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static List<String> numbers(String text) {
        var found = new ArrayList<String>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /**
     * Groups of near-duplicate statements (codes in document order), using token Jaccard similarity at or above
     * {@code threshold} and linking transitively. Statements are keyed by code; texts are compared per language.
     */
    public static List<List<String>> nearDuplicates(Map<String, String> statementsByCode, double threshold) {
        List<String> codes = new ArrayList<>(statementsByCode.keySet());
        int n = codes.size();
        var ids = new HashMap<String, Integer>();
        int[][] sets = new int[n][];
        for (int i = 0; i < n; i++) {
            sets[i] = contentTokens(statementsByCode.get(codes.get(i))).stream()
                    .mapToInt(t -> ids.computeIfAbsent(t, k -> ids.size())).sorted().toArray();
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int[] a = sets[i];
            if (a.length == 0) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                int[] b = sets[j];
                int small = Math.min(a.length, b.length);
                int large = Math.max(a.length, b.length);
                if (small == 0 || (double) small / large < threshold) {
                    continue;
                }
                int common = intersect(a, b);
                if ((double) common / (a.length + b.length - common) >= threshold) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        var groups = new LinkedHashMap<Integer, List<String>>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(codes.get(i));
        }
        return groups.values().stream().filter(g -> g.size() > 1).toList();
    }

    private static int intersect(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
