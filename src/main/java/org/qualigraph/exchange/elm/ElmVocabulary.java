package org.qualigraph.exchange.elm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qualigraph.curriculum.CreditSystem;
import org.qualigraph.curriculum.DeliveryMode;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.IscedF;
import org.qualigraph.curriculum.QualificationDocument.NqfLevel;
import org.qualigraph.curriculum.QualificationType;

/**
 * The Europass controlled vocabularies a QDR export uses: concept URIs, their official schemes and English labels (as
 * in the ELM release's {@code loq/cv/*.xsd}). NQF levels come from the QDR list {@code loq/cv/nqf.xsd} when the schema
 * folder is known, found by the framework's abbreviation and the level ("DQR Level 4").
 */
public final class ElmVocabulary {

    public static final String EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2";
    public static final String ISCED_SCHEME = "http://data.europa.eu/snb/isced-f/25831c2";
    public static final String NQF_SCHEME = "http://data.europa.eu/snb/qdr/25831c2";
    public static final String CREDIT_SCHEME = "http://data.europa.eu/snb/education-credit/25831c2";
    public static final String MODE_SCHEME = "http://data.europa.eu/snb/learning-assessment/25831c2";
    public static final String SETTING_SCHEME = "http://data.europa.eu/snb/learning-setting/25831c2";
    public static final String SKILL_TYPE_SCHEME = "http://data.europa.eu/snb/skill-type/25831c2";
    public static final String LANGUAGE_SCHEME = "http://publications.europa.eu/resource/authority/language";
    public static final String COUNTRY_SCHEME = "http://publications.europa.eu/resource/authority/country";

    public static final String ECTS = "http://data.europa.eu/snb/education-credit/6fcec5c5af";
    public static final String ECVET = "http://data.europa.eu/snb/education-credit/60b314e826";
    public static final String FORMAL = "http://data.europa.eu/snb/learning-setting/6fd4685715";
    public static final String NON_FORMAL = "http://data.europa.eu/snb/learning-setting/e207a81fc7";
    public static final String KNOWLEDGE = "http://data.europa.eu/snb/skill-type/knowledge";
    public static final String SKILL = "http://data.europa.eu/snb/skill-type/skill";

    private static final String MODE = "http://data.europa.eu/snb/learning-assessment/";
    public static final String WORK_BASED = MODE + "729f3bed4b";
    public static final String PRESENTIAL = MODE + "9191af2ed9";
    public static final String ONLINE = MODE + "920fbb3cbe";
    public static final String BLENDED = MODE + "e92d221e4d";

    /** Framework abbreviations used in the labels of the QDR NQF list, by ISO 3166 alpha-2 country code. */
    private static final Map<String, String> FRAMEWORKS = Map.ofEntries(
            Map.entry("AT", "AT: NQF"), Map.entry("BG", "BQF"), Map.entry("HR", "CROQF"), Map.entry("CY", "CyQF"),
            Map.entry("CZ", "NSK"), Map.entry("DK", "DK NQF"), Map.entry("EE", "EstQF"), Map.entry("FI", "FiNQF"),
            Map.entry("DE", "DQR"), Map.entry("GR", "HQF"), Map.entry("EL", "HQF"), Map.entry("HU", "HuQF"),
            Map.entry("IE", "IE NQF"), Map.entry("IT", "IT NQF"), Map.entry("LV", "LQF"), Map.entry("LT", "LTQF"),
            Map.entry("LU", "CLQ"), Map.entry("MT", "MQF"), Map.entry("NL", "NLQF"), Map.entry("PL", "PQF"),
            Map.entry("PT", "QNQ"), Map.entry("RO", "ROQF"), Map.entry("SK", "SKKR"), Map.entry("SI", "SQF"),
            Map.entry("ES", "MECU"), Map.entry("SE", "SeQF"), Map.entry("IS", "ISQF"), Map.entry("NO", "NKR"),
            Map.entry("LI", "NQFL"), Map.entry("CH", "NQF VPET"), Map.entry("ME", "ME NQF"), Map.entry("MK", "NNMQF"),
            Map.entry("RS", "NQFS"), Map.entry("AL", "AQF"), Map.entry("BA", "BH NQF"), Map.entry("XK", "KS NQF"),
            Map.entry("TR", "TQF"), Map.entry("GB", "RQF"), Map.entry("UK", "RQF"));

    private static final Pattern ENUMERATION = Pattern.compile(
            "value=\"(http://data\\.europa\\.eu/snb/qdr/[^\"]+)\">\\s*<xs:annotation>\\s*<xs:documentation>(.*?)</xs:documentation>",
            Pattern.DOTALL);

    private final Map<String, String> nqfLabels;
    private final Map<String, String> nqfByLabel;

    private ElmVocabulary(Map<String, String> nqfLabels) {
        this.nqfLabels = nqfLabels;
        this.nqfByLabel = new LinkedHashMap<>();
        nqfLabels.forEach((uri, label) -> nqfByLabel.putIfAbsent(label.toLowerCase(Locale.ROOT), uri));
    }

    /** Without the QDR list: NQF levels resolve only through the URI stored in the document. */
    public static ElmVocabulary withoutNqfList() {
        return new ElmVocabulary(Map.of());
    }

    /** Reads the QDR NQF list from {@code <schemaDir>/loq/cv/nqf.xsd}; without that file, as {@link #withoutNqfList()}. */
    public static ElmVocabulary from(Path schemaDir) {
        if (schemaDir == null) {
            return withoutNqfList();
        }
        Path file = schemaDir.resolve("loq/cv/nqf.xsd");
        if (!Files.isRegularFile(file)) {
            return withoutNqfList();
        }
        try {
            var labels = new LinkedHashMap<String, String>();
            Matcher m = ENUMERATION.matcher(Files.readString(file));
            while (m.find()) {
                labels.put(m.group(1), m.group(2).replaceAll("\\s+", " ").strip());
            }
            return new ElmVocabulary(labels);
        } catch (IOException e) {
            return withoutNqfList();
        }
    }

    /** The QDR concept of a national level: the document's URI if given, else looked up in the QDR list. */
    public Optional<String> nqfUri(NqfLevel level) {
        if (level == null) {
            return Optional.empty();
        }
        if (level.uri() != null && !level.uri().isBlank()) {
            return Optional.of(level.uri());
        }
        String framework = level.country() == null ? null : FRAMEWORKS.get(level.country().toUpperCase(Locale.ROOT));
        if (framework == null || level.level() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(nqfByLabel.get((framework + " Level " + level.level().strip()).toLowerCase(Locale.ROOT)));
    }

    /** The label of a QDR concept as in the list, else a readable fallback built from the document. */
    public String nqfLabel(String uri, NqfLevel level) {
        String label = nqfLabels.get(uri);
        if (label != null) {
            return label;
        }
        if (level != null && level.country() != null) {
            String framework = FRAMEWORKS.getOrDefault(level.country().toUpperCase(Locale.ROOT), level.country() + " NQF");
            return framework + " Level " + level.level();
        }
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** The country and level of a QDR concept as read from its label, for imports ("DQR Level 4" gives DE, 4). */
    public Optional<NqfLevel> nqfLevelOf(String uri) {
        String label = nqfLabels.get(uri);
        if (label == null) {
            return Optional.empty();
        }
        for (var entry : FRAMEWORKS.entrySet()) {
            String prefix = entry.getValue() + " Level ";
            if (label.startsWith(prefix) && !entry.getKey().equals("EL") && !entry.getKey().equals("UK")) {
                return Optional.of(new NqfLevel(entry.getKey(), label.substring(prefix.length()), uri));
            }
        }
        return Optional.empty();
    }

    public boolean hasNqfList() {
        return !nqfLabels.isEmpty();
    }

    public static String eqfUri(int level) {
        return "http://data.europa.eu/snb/eqf/" + level;
    }

    public static String eqfLabel(int level) {
        return "Level " + level;
    }

    public static String iscedUri(String code) {
        return "http://data.europa.eu/snb/isced-f/" + code;
    }

    public static String iscedLabel(String code) {
        return IscedF.label(code).orElse(code);
    }

    public static String creditFramework(CreditSystem system) {
        return system == CreditSystem.ECTS ? ECTS : ECVET;
    }

    public static String creditLabel(String uri) {
        return ECTS.equals(uri) ? "European Credit Transfer System"
                : "European credit system for vocational education and training";
    }

    /** Qualifications are formal learning; micro-credentials are usually awarded for non-formal learning. */
    public static String learningSetting(QualificationType type) {
        return type == QualificationType.MICRO_CREDENTIAL ? NON_FORMAL : FORMAL;
    }

    public static String settingLabel(String uri) {
        return FORMAL.equals(uri) ? "formal learning" : "non-formal learning";
    }

    /**
     * The Europass mode of a delivery mode. The list has no simulation or extended-reality mode: simulation is taught
     * on site (presential), extended reality mixes on-site and online work (blended).
     */
    public static String mode(DeliveryMode mode) {
        return switch (mode) {
            case PRESENTIAL, SIMULATION -> PRESENTIAL;
            case ONLINE -> ONLINE;
            case BLENDED, EXTENDED_REALITY -> BLENDED;
            case WORK_BASED -> WORK_BASED;
        };
    }

    public static String modeLabel(String uri) {
        return switch (uri.substring(uri.lastIndexOf('/') + 1)) {
            case "729f3bed4b" -> "Workbased";
            case "9191af2ed9" -> "Presential";
            case "920fbb3cbe" -> "Online";
            case "e92d221e4d" -> "Blended";
            case "7813801c77" -> "Project based";
            default -> "Research-Lab based";
        };
    }

    /** ELM has skill types knowledge and skill only; responsibility and autonomy is written as a skill. */
    public static String skillType(Dimension dimension) {
        return dimension == Dimension.KNOWLEDGE ? KNOWLEDGE : SKILL;
    }

    /** The EU language authority code of an ISO 639-1 code (en gives ENG), or empty when Java does not know it. */
    public static Optional<String> languageUri(String language) {
        try {
            String iso3 = Locale.forLanguageTag(language).getISO3Language();
            return iso3.isEmpty() ? Optional.empty() : Optional.of(LANGUAGE_SCHEME + "/" + iso3.toUpperCase(Locale.ROOT));
        } catch (java.util.MissingResourceException e) {
            return Optional.empty();
        }
    }

    public static String languageLabel(String language) {
        return Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
    }

    /** The EU country authority URI of an ISO 3166 alpha-2 code (EL is Greece, UK the United Kingdom). */
    public static Optional<String> countryUri(String country) {
        if (country == null) {
            return Optional.empty();
        }
        String code = switch (country.toUpperCase(Locale.ROOT)) {
            case "EL" -> "GR";
            case "UK" -> "GB";
            default -> country.toUpperCase(Locale.ROOT);
        };
        try {
            String iso3 = new Locale("", code).getISO3Country();
            return iso3.isEmpty() ? Optional.empty() : Optional.of(COUNTRY_SCHEME + "/" + iso3);
        } catch (java.util.MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The alpha-2 code of an EU country authority URI (DEU gives DE). */
    public static Optional<String> countryCode(String uri) {
        if (uri == null || !uri.startsWith(COUNTRY_SCHEME + "/")) {
            return Optional.empty();
        }
        String iso3 = uri.substring(COUNTRY_SCHEME.length() + 1);
        for (String iso2 : Locale.getISOCountries()) {
            if (new Locale("", iso2).getISO3Country().equalsIgnoreCase(iso3)) {
                return Optional.of(iso2);
            }
        }
        return Optional.empty();
    }

    public static String countryLabel(String country) {
        return new Locale("", countryUri(country).map(u -> countryCode(u).orElse(country)).orElse(country))
                .getDisplayCountry(Locale.ENGLISH);
    }
}
