package dev.seqserve.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.OpenApiContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code openapi.yaml} holds together: its references resolve, its examples conform, its problem types are the code's. */
class ContractTest {

    private final OpenApiContract contract = OpenApiContract.get();
    private final JsonNode document = contract.document();

    @Test
    void isOpenApi31AndEveryReferenceResolves() {
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    @Test
    void theProblemTypesAreExactlyTheCodes() {
        List<String> documented = new ArrayList<>();
        document.at("/components/schemas/Problem/properties/type/enum").forEach(v -> documented.add(v.asString()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList());
        String table = document.at("/components/schemas/Problem/description").asString();
        for (ProblemType type : ProblemType.values()) {
            assertThat(table).contains("| `" + type.uri() + "` | " + type.status().value() + " |");
        }
    }

    @Test
    void everyResponseExampleConformsToItsSchema() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                    String base = "/paths/" + escape(path.getKey()) + "/" + operation.getKey() + "/responses/"
                            + response.getKey();
                    checked += checkExamples(response.getValue(), base);
                }
            }
        }
        for (Map.Entry<String, JsonNode> response : document.at("/components/responses").properties()) {
            checked += checkExamples(response.getValue(), "/components/responses/" + response.getKey());
        }
        assertThat(checked).isGreaterThan(5);
    }

    private int checkExamples(JsonNode response, String base) {
        if (response.has("$ref")) {
            return 0;
        }
        int checked = 0;
        for (Map.Entry<String, JsonNode> media : response.path("content").properties()) {
            String schema = base + "/content/" + escape(media.getKey()) + "/schema";
            List<JsonNode> examples = new ArrayList<>();
            if (media.getValue().has("example")) {
                examples.add(media.getValue().get("example"));
            }
            media.getValue().path("examples").forEach(e -> examples.add(e.path("value")));
            for (JsonNode example : examples) {
                assertThat(contract.validate(schema, example)).as("example %s at %s", example, schema).isEmpty();
                checked++;
            }
        }
        return checked;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
