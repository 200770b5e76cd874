package org.qualigraph.exchange.elm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.qualigraph.base.BadInputException;
import org.qualigraph.curriculum.CreditSystem;
import org.qualigraph.curriculum.DeliveryMode;
import org.qualigraph.curriculum.Dimension;
import org.qualigraph.curriculum.IscedF;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.QualificationDocument.AwardingBody;
import org.qualigraph.curriculum.QualificationDocument.NqfLevel;
import org.qualigraph.curriculum.QualificationType;
import org.qualigraph.curriculum.UnitDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a Europass LOQ XML file into qualification documents. Every {@code <qualification>} becomes one, except
 * partial qualifications that another qualification of the file has as part: those become its units. Outcomes keep
 * their statements and ESCO links; the dimension comes from the skill type (knowledge is KNOWLEDGE, anything else
 * SKILLS, unless our own export marked the outcome as responsibility and autonomy). What cannot be taken over (an NQF
 * concept that is not a level of a known framework, a credit value that is not a number) is listed in the notes.
 */
final class LoqXmlImporter {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    /** The documents to create and what could not be taken over. */
    record Result(List<QualificationDocument> documents, List<String> notes) {
    }

    private final ElmVocabulary vocabulary;
    private final List<String> notes = new ArrayList<>();

    LoqXmlImporter(ElmVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Result read(byte[] xml) {
        Document document = parse(xml);
        Element root = document.getDocumentElement();
        if (!"Courses".equals(root.getLocalName()) || !LoqXmlWriter.LOQ.equals(root.getNamespaceURI())) {
            throw problem("problem.loq.root", root.getTagName(), LoqXmlWriter.LOQ);
        }
        Map<String, Element> outcomes = byId(root, "learningOutcomeReferences", "learningOutcome");
        Map<String, Element> organisations = byId(root, "agentReferences", "organisation");
        Map<String, Element> locations = byId(root, "locationReferences", "location");
        Map<String, Element> qualifications = byId(root, "learningAchievementSpecificationReferences", "qualification");

        Set<String> parts = new HashSet<>();
        for (Element q : qualifications.values()) {
            for (Element hasPart : children(q, "hasPart")) {
                Element part = qualifications.get(hasPart.getAttribute("idref"));
                if (part != null && "true".equals(text(part, "isPartialQualification"))) {
                    parts.add(hasPart.getAttribute("idref"));
                }
            }
        }
        var documents = new ArrayList<QualificationDocument>();
        for (var entry : qualifications.entrySet()) {
            if (!parts.contains(entry.getKey())) {
                documents.add(qualification(entry.getValue(), qualifications, outcomes, organisations, locations));
            }
        }
        if (documents.isEmpty()) {
            throw problem("problem.loq.empty");
        }
        return new Result(documents, List.copyOf(notes));
    }

    private static Document parse(byte[] xml) {
        try {
            return XmlSecurity.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw problem("problem.xml.dtd");
            }
            throw problem("problem.xml.malformed", e.getLineNumber(), e.getColumnNumber(), message);
        } catch (SAXException e) {
            throw problem("problem.xml.unreadable", String.valueOf(e.getMessage()));
        } catch (IOException | ParserConfigurationException e) {
            throw problem("problem.xml.unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** A refused file: the API says it in English, the import screen in its user's language. */
    private static BadInputException problem(String key, Object... args) {
        return new BadInputException(List.of(org.qualigraph.base.FieldProblem.of("body", key, args)));
    }

    private QualificationDocument qualification(Element q, Map<String, Element> qualifications, Map<String, Element> outcomes,
                                                Map<String, Element> organisations, Map<String, Element> locations) {
        Map<String, String> title = texts(q, "title");
        String name = title.isEmpty() ? q.getAttribute("id") : title.values().iterator().next();
        var nqf = new ArrayList<NqfLevel>();
        for (Element level : children(q, "NQFLevel")) {
            String uri = level.getAttribute("uri");
            var known = vocabulary.nqfLevelOf(uri);
            if (known.isPresent()) {
                nqf.add(known.get());
            } else {
                notes.add(name + ": the NQF concept " + uri + " is not a level of a framework Qualigraph knows; add the NQF level by hand.");
            }
        }
        var iscedF = new ArrayList<String>();
        for (Element isced : children(q, "ISCEDFCode")) {
            String code = lastSegment(isced.getAttribute("uri"));
            if (IscedF.exists(code) && !iscedF.contains(code)) {
                iscedF.add(code);
            }
        }
        CreditSystem system = null;
        BigDecimal credits = null;
        for (Element cp : children(q, "creditPoint")) {
            var c = credit(cp, name);
            if (c != null && system == null) {
                system = c.system;
                credits = c.points;
            }
        }
        Map<String, String> entry = new LinkedHashMap<>();
        for (Element requirement : children(q, "entryRequirement")) {
            entry.putAll(texts(requirement, "noteLiteral"));
        }
        var bodies = new ArrayList<AwardingBody>();
        for (Element opportunity : children(q, "awardingOpportunity")) {
            for (Element body : children(opportunity, "awardingBody")) {
                Element org = organisations.get(body.getAttribute("idref"));
                if (org != null) {
                    var names = texts(org, "legalName");
                    String orgName = names.getOrDefault("en", names.isEmpty() ? body.getAttribute("idref") : names.values().iterator().next());
                    bodies.add(new AwardingBody(orgName, country(org, locations), null));
                }
            }
        }

        var units = new ArrayList<UnitDocument>();
        var usedOutcomes = new HashSet<String>();
        var usedCodes = new HashSet<String>();
        for (Element hasPart : children(q, "hasPart")) {
            Element part = qualifications.get(hasPart.getAttribute("idref"));
            if (part == null || !"true".equals(text(part, "isPartialQualification"))) {
                continue;
            }
            String code = uniqueCode(notation(part, LoqXmlWriter.UNIT_SCHEME), "U" + (units.size() + 1), usedCodes);
            var partTitle = texts(part, "title");
            units.add(new UnitDocument(null, code, partTitle, eqf(part), points(part, name), hours(part), true, List.of(),
                    modes(part), outcomes(part, code, outcomes, usedOutcomes, usedCodes), List.of(), List.of()));
        }
        String rest = uniqueCode("U" + (units.size() + 1), "U" + (units.size() + 1), usedCodes);
        var remaining = outcomes(q, rest, outcomes, usedOutcomes, usedCodes);
        if (!remaining.isEmpty()) {
            units.add(new UnitDocument(null, rest, title, eqf(q), null, null, true, List.of(), modes(q), remaining,
                    List.of(), List.of()));
        }
        return new QualificationDocument(null, null, title, texts(q, "description"), type(q), eqf(q), nqf, iscedF, null,
                system, credits, entry, bodies, List.of(), null, null, units);
    }

    private List<OutcomeDocument> outcomes(Element spec, String unitCode, Map<String, Element> outcomes, Set<String> used,
                                           Set<String> usedCodes) {
        var result = new ArrayList<OutcomeDocument>();
        for (Element ref : children(spec, "learningOutcome")) {
            String id = ref.getAttribute("idref");
            Element lo = outcomes.get(id);
            if (lo == null || !used.add(id)) {
                continue;
            }
            Dimension dimension = dimension(lo);
            String fallback = unitCode + "." + dimension.name().charAt(0) + (result.size() + 1);
            String code = uniqueCode(notation(lo, LoqXmlWriter.OUTCOME_SCHEME), fallback, usedCodes);
            var skills = new LinkedHashSet<String>();
            for (Element skill : children(lo, "relatedESCOSkill")) {
                String uri = skill.getAttribute("uri");
                if (uri.startsWith("http://") || uri.startsWith("https://")) {
                    skills.add(uri);
                }
            }
            result.add(new OutcomeDocument(null, code, dimension, texts(lo, "title"), null, List.copyOf(skills), List.of()));
        }
        return result;
    }

    /** The type our own export records; other files say only formal or non-formal learning. */
    private static QualificationType type(Element q) {
        String type = notation(q, LoqXmlWriter.TYPE_SCHEME);
        if (type != null) {
            try {
                return QualificationType.valueOf(type);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        Element setting = first(q, "learningSetting");
        return setting != null && ElmVocabulary.NON_FORMAL.equals(setting.getAttribute("uri")) ? QualificationType.MICRO_CREDENTIAL : null;
    }

    private static Dimension dimension(Element lo) {
        for (Element note : children(lo, "additionalNote")) {
            for (Element literal : children(note, "noteLiteral")) {
                if (literal.getTextContent().startsWith(LoqXmlWriter.DIMENSION_NOTE + "responsibility")) {
                    return Dimension.RESPONSIBILITY_AUTONOMY;
                }
            }
        }
        for (Element type : children(lo, "type")) {
            if (ElmVocabulary.KNOWLEDGE.equals(type.getAttribute("uri"))) {
                return Dimension.KNOWLEDGE;
            }
        }
        return Dimension.SKILLS;
    }

    private record Credit(CreditSystem system, BigDecimal points) {
    }

    private Credit credit(Element cp, String name) {
        Element framework = first(cp, "framework");
        String uri = framework == null ? "" : framework.getAttribute("uri");
        CreditSystem system = ElmVocabulary.ECTS.equals(uri) ? CreditSystem.ECTS : ElmVocabulary.ECVET.equals(uri) ? CreditSystem.ECVET : null;
        String point = text(cp, "point");
        try {
            BigDecimal points = new BigDecimal(point == null ? "" : point.strip());
            if (system == null || points.signum() < 0 || points.compareTo(BigDecimal.valueOf(1000)) > 0) {
                return null;
            }
            return new Credit(system, points);
        } catch (NumberFormatException e) {
            notes.add(name + ": the credit points \"" + point + "\" are not a number and were left out.");
            return null;
        }
    }

    private BigDecimal points(Element spec, String name) {
        for (Element cp : children(spec, "creditPoint")) {
            var c = credit(cp, name);
            if (c != null) {
                return c.points;
            }
        }
        return null;
    }

    private static Integer hours(Element spec) {
        String volume = text(spec, "volumeOfLearning");
        if (volume == null) {
            return null;
        }
        try {
            long hours = Duration.parse(volume.strip()).toHours();
            return hours >= 0 && hours <= 100_000 ? (int) hours : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<DeliveryMode> modes(Element spec) {
        var modes = new LinkedHashSet<DeliveryMode>();
        for (Element mode : children(spec, "mode")) {
            switch (mode.getAttribute("uri")) {
                case ElmVocabulary.PRESENTIAL -> modes.add(DeliveryMode.PRESENTIAL);
                case ElmVocabulary.ONLINE -> modes.add(DeliveryMode.ONLINE);
                case ElmVocabulary.BLENDED -> modes.add(DeliveryMode.BLENDED);
                case ElmVocabulary.WORK_BASED -> modes.add(DeliveryMode.WORK_BASED);
                default -> {
                }
            }
        }
        return List.copyOf(modes);
    }

    private static Integer eqf(Element spec) {
        Element level = first(spec, "EQFLevel");
        if (level == null) {
            return null;
        }
        String n = lastSegment(level.getAttribute("uri"));
        return n.matches("[1-8]") ? Integer.valueOf(n) : null;
    }

    private static String country(Element org, Map<String, Element> locations) {
        for (Element ref : children(org, "location")) {
            Element location = locations.get(ref.getAttribute("idref"));
            if (location == null) {
                continue;
            }
            for (Element address : children(location, "address")) {
                Element code = first(address, "countryCode");
                if (code != null) {
                    var iso2 = ElmVocabulary.countryCode(code.getAttribute("uri"));
                    if (iso2.isPresent()) {
                        return iso2.get();
                    }
                }
            }
        }
        return null;
    }

    private static String notation(Element spec, String scheme) {
        for (Element identifier : children(spec, "identifier")) {
            if (scheme.equals(text(identifier, "schemeName"))) {
                for (Node n = identifier.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && "notation".equals(e.getLocalName())) {
                        return e.getTextContent().strip();
                    }
                }
            }
        }
        return null;
    }

    private static String uniqueCode(String preferred, String fallback, Set<String> used) {
        String code = preferred != null && !preferred.isBlank() && preferred.length() <= 64 ? preferred : fallback;
        String candidate = code;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = code + "-" + i;
        }
        return candidate;
    }

    private Map<String, String> texts(Element parent, String name) {
        var result = new LinkedHashMap<String, String>();
        for (Element e : children(parent, name)) {
            String language = e.getAttribute("language").toLowerCase();
            String value = e.getTextContent();
            if (!LANGUAGE.matcher(language).matches() || value.isBlank()) {
                continue;
            }
            result.putIfAbsent(language, value.length() > 10_000 ? value.substring(0, 10_000) : value);
        }
        return result;
    }

    private static Map<String, Element> byId(Element root, String section, String name) {
        var result = new LinkedHashMap<String, Element>();
        for (Element container : children(root, section)) {
            for (Element e : children(container, name)) {
                result.putIfAbsent(e.getAttribute("id"), e);
            }
        }
        return result;
    }

    private static List<Element> children(Element parent, String localName) {
        var result = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName()) && LoqXmlWriter.LOQ.equals(e.getNamespaceURI())) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element first(Element parent, String localName) {
        var list = children(parent, localName);
        return list.isEmpty() ? null : list.get(0);
    }

    private static String text(Element parent, String localName) {
        Element e = first(parent, localName);
        return e == null ? null : e.getTextContent();
    }

    private static String lastSegment(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

}
