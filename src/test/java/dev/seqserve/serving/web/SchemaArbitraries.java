package dev.seqserve.serving.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates JSON values that a JSON schema of {@code openapi.yaml} accepts: objects with their
 * required properties and some optional ones, {@code oneOf} branches with their {@code required} and
 * {@code not required}, arrays and strings within their bounds, enums, examples and numbers. Sizes
 * are kept small (the limits themselves are tested elsewhere) so that most values also suit a model.
 */
final class SchemaArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ITEMS = 24;
    private static final int MAX_CHARS = 120;

    private final JsonNode document;
    private final Map<String, List<String>> knownValues;

    /**
     * @param document the OpenAPI document, for {@code $ref}s
     * @param knownValues extra candidates for string properties by name, such as the loaded models'
     *     names for {@code model}, so that generated requests reach a model as well as miss one
     */
    SchemaArbitraries(JsonNode document, Map<String, List<String>> knownValues) {
        this.document = document;
        this.knownValues = knownValues;
    }

    Arbitrary<JsonNode> of(JsonNode schema) {
        return of(schema, null);
    }

    private Arbitrary<JsonNode> of(JsonNode schema, String property) {
        JsonNode s = resolve(schema);
        if (s.has("oneOf")) {
            List<Arbitrary<JsonNode>> branches = new ArrayList<>();
            for (JsonNode branch : s.get("oneOf")) {
                branches.add(branch.has("properties") || branch.has("$ref") || branch.has("type")
                        ? of(branch, property) : object(s, resolve(branch)));
            }
            return Arbitraries.oneOf(branches);
        }
        if (s.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            s.get("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        String type = type(s);
        return switch (type) {
            case "object" -> object(s, NODES.objectNode());
            case "array" -> array(s);
            case "string" -> string(s, property);
            case "integer" -> integer(s);
            case "number" -> number();
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> Arbitraries.just(NODES.nullNode());
        };
    }

    /** An object of {@code s}'s properties; {@code branch} may add required ones and forbid others. */
    private Arbitrary<JsonNode> object(JsonNode s, JsonNode branch) {
        Set<String> required = new LinkedHashSet<>();
        s.path("required").forEach(n -> required.add(n.asString()));
        branch.path("required").forEach(n -> required.add(n.asString()));
        Set<String> forbidden = new LinkedHashSet<>();
        branch.path("not").path("required").forEach(n -> forbidden.add(n.asString()));
        List<String> names = new ArrayList<>();
        List<Arbitrary<JsonNode>> values = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            if (forbidden.contains(p.getKey())) {
                continue;
            }
            Arbitrary<JsonNode> value = of(p.getValue(), p.getKey());
            names.add(p.getKey());
            values.add(required.contains(p.getKey()) ? value : value.injectNull(0.4));
        }
        return Combinators.combine(values).as(list -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                if (list.get(i) != null) {
                    object.set(names.get(i), list.get(i));
                }
            }
            return object;
        });
    }

    private Arbitrary<JsonNode> array(JsonNode s) {
        int min = s.path("minItems").asInt(0);
        int max = Math.max(min, Math.min(s.path("maxItems").asInt(MAX_ITEMS), MAX_ITEMS));
        return of(s.path("items")).list().ofMinSize(min).ofMaxSize(max).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
    }

    private Arbitrary<JsonNode> string(JsonNode s, String property) {
        List<String> candidates = new ArrayList<>(property == null ? List.of() : knownValues.getOrDefault(property, List.of()));
        s.path("examples").forEach(e -> candidates.add(e.asString()));
        int min = Math.max(1, s.path("minLength").asInt(0));
        int max = Math.max(min, Math.min(s.path("maxLength").asInt(MAX_CHARS), MAX_CHARS));
        Arbitrary<String> words = Arbitraries.of("good", "bad", "film", "dull", "moving", "plot", "acting", ",", ".",
                "!", "<br />", "great", "not", "awful", "é", "日本", "\uD83D\uDE00").list().ofMinSize(1).ofMaxSize(30)
                .map(w -> String.join(" ", w));
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(min).ofMaxLength(max);
        Arbitrary<String> fitting = words.filter(w -> w.codePointCount(0, w.length()) <= max);
        Arbitrary<String> text = Arbitraries.oneOf(List.of(fitting, fitting, fitting, any));
        Arbitrary<String> value = candidates.isEmpty() ? text
                : Arbitraries.oneOf(List.of(Arbitraries.of(candidates), Arbitraries.of(candidates), text));
        return value.map(NODES::stringNode);
    }

    private Arbitrary<JsonNode> integer(JsonNode s) {
        int min = s.path("minimum").asInt(-5);
        int max = s.has("maximum") ? s.path("maximum").asInt() : min + 12;
        return Arbitraries.integers().between(min, max).map(NODES::numberNode);
    }

    private static Arbitrary<JsonNode> number() {
        Arbitrary<Double> everyday = Arbitraries.doubles().between(0.5, 500).ofScale(2);
        Arbitrary<Double> wide = Arbitraries.doubles().between(-1e6, 1e6);
        return Arbitraries.oneOf(List.of(everyday, everyday, everyday, everyday, wide)).map(NODES::numberNode);
    }

    private static String type(JsonNode s) {
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return s.has("properties") ? "object" : "null";
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        return ref.isString() ? resolve(document.at(ref.asString().substring(1))) : schema;
    }
}
