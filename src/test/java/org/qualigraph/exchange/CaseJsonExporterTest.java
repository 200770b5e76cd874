package org.qualigraph.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.qualigraph.curriculum.OutcomeDocument;
import org.qualigraph.curriculum.QualificationDocument;
import org.qualigraph.curriculum.UnitDocument;
import org.qualigraph.esco.EscoCatalog;
import org.qualigraph.support.Documents;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The CASE 1.1 package against the required fields and rules of the 1EdTech binding (standards.md §7, rule 40). */
class CaseJsonExporterTest {

    private static final Pattern CASE_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[8-9a-b][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Set<String> ASSOCIATION_TYPES = Set.of("isChildOf", "isPeerOf", "isPartOf", "exactMatchOf",
            "precedes", "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final QualificationDocument demo = Documents.demo(json).withIdentity("demo-id", 4L, null, null);
    private final CaseJsonExporter exporter =
            new CaseJsonExporter(new StaticListableBeanFactory().getBeanProvider(EscoCatalog.class));

    @Test
    void packageHasTheRequiredFieldsAndOnlyKnownTopLevelKeys() throws IOException {
        JsonNode pkg = export(demo);
        assertThat(fieldNames(pkg)).isSubsetOf(Set.of("CFDocument", "CFItems", "CFAssociations", "CFDefinitions",
                "CFRubrics", "extensions"));
        JsonNode doc = pkg.get("CFDocument");
        requireFields(doc, "identifier", "uri", "creator", "title", "lastChangeDateTime");
        assertThat(doc.get("identifier").asText()).matches(CASE_UUID);
        assertThat(doc.get("title").asText()).isEqualTo(demo.displayTitle());
        assertThat(doc.get("caseVersion").asText()).isEqualTo("1.1");
        assertThat(doc.get("lastChangeDateTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

        int outcomes = demo.units().stream().mapToInt(u -> u.outcomes().size()).sum();
        assertThat(pkg.get("CFItems")).hasSize(demo.units().size() + outcomes);
        for (JsonNode item : pkg.get("CFItems")) {
            requireFields(item, "identifier", "fullStatement", "uri", "lastChangeDateTime");
            assertThat(item.get("identifier").asText()).matches(CASE_UUID);
            assertThat(item.get("CFItemType").asText()).isIn("Unit", "Learning Outcome");
        }
        UnitDocument first = demo.units().get(0);
        JsonNode unitItem = find(pkg.get("CFItems"), first.code());
        assertThat(unitItem.get("CFItemType").asText()).isEqualTo("Unit");
        assertThat(unitItem.get("fullStatement").asText()).isEqualTo(first.displayTitle());
        OutcomeDocument outcome = first.outcomes().get(0);
        assertThat(find(pkg.get("CFItems"), outcome.code()).get("fullStatement").asText()).isEqualTo(outcome.displayStatement());
    }

    @Test
    void everyAssociationResolvesAndTheTreeReachesTheDocument() throws IOException {
        JsonNode pkg = export(demo);
        Set<String> nodes = new HashSet<>();
        nodes.add(pkg.get("CFDocument").get("uri").asText());
        pkg.get("CFItems").forEach(i -> nodes.add(i.get("uri").asText()));
        Map<String, String> parent = new HashMap<>();
        int external = 0;
        for (JsonNode a : pkg.get("CFAssociations")) {
            requireFields(a, "identifier", "associationType", "uri", "originNodeURI", "destinationNodeURI", "lastChangeDateTime");
            assertThat(a.get("identifier").asText()).matches(CASE_UUID);
            assertThat(a.get("associationType").asText()).isIn(ASSOCIATION_TYPES);
            for (String end : List.of("originNodeURI", "destinationNodeURI")) {
                JsonNode link = a.get(end);
                requireFields(link, "title", "identifier", "uri");
                if (link.has("targetType")) {
                    assertThat(link.get("targetType").asText()).isEqualTo("ext:esco");
                    assertThat(link.get("uri").asText()).startsWith("http://data.europa.eu/esco/skill/");
                    external++;
                } else {
                    assertThat(nodes).as("%s of %s", end, a.get("associationType")).contains(link.get("uri").asText());
                }
            }
            if (a.get("associationType").asText().equals("isChildOf")) {
                parent.put(a.get("originNodeURI").get("uri").asText(), a.get("destinationNodeURI").get("uri").asText());
            }
        }
        long skillLinks = demo.units().stream().flatMap(u -> u.outcomes().stream()).mapToLong(o -> o.skills().size()).sum();
        assertThat(skillLinks).isPositive();
        assertThat(external).isEqualTo((int) skillLinks);
        String root = pkg.get("CFDocument").get("uri").asText();
        for (JsonNode item : pkg.get("CFItems")) {
            String node = item.get("uri").asText();
            int steps = 0;
            while (!node.equals(root)) {
                node = parent.get(node);
                assertThat(node).as("item %s reaches the document", item.get("humanCodingScheme")).isNotNull();
                assertThat(++steps).isLessThan(5);
            }
        }
    }

    @Test
    void identifiersAreStableAcrossExports() throws IOException {
        JsonNode one = export(demo);
        JsonNode two = export(demo);
        assertThat(one.get("CFDocument").get("identifier")).isEqualTo(two.get("CFDocument").get("identifier"));
        assertThat(one.get("CFItems").findValuesAsText("identifier")).isEqualTo(two.get("CFItems").findValuesAsText("identifier"));
        assertThat(one.get("CFAssociations").findValuesAsText("identifier"))
                .isEqualTo(two.get("CFAssociations").findValuesAsText("identifier"));
        JsonNode other = export(demo.withIdentity("other-id", 1L, null, null));
        assertThat(other.get("CFDocument").get("identifier")).isNotEqualTo(one.get("CFDocument").get("identifier"));
    }

    private JsonNode export(QualificationDocument doc) throws IOException {
        var out = new ByteArrayOutputStream();
        exporter.write(doc, "en", out);
        return json.readTree(out.toByteArray());
    }

    private static JsonNode find(JsonNode items, String code) {
        for (JsonNode item : items) {
            if (code.equals(item.path("humanCodingScheme").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + code);
    }

    private static void requireFields(JsonNode node, String... fields) {
        for (String field : fields) {
            assertThat(node.hasNonNull(field)).as("required field %s in %s", field, node).isTrue();
            if (node.get(field).isTextual()) {
                assertThat(node.get(field).asText()).as(field).isNotBlank();
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        var names = new HashSet<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
