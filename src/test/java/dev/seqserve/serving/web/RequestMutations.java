package dev.seqserve.serving.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a valid request body into an invalid or odd one, one mutation each: a field of another type,
 * a field taken away or added, an extreme number, deep nesting, odd Unicode, or damage to the text
 * itself (cut short, bytes that are not UTF-8, NaN, a duplicate key, JSON5 syntax).
 */
final class RequestMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> EXTREME_NUMBERS = List.of("1e308", "-1e308", "4.9e-324", "1e999", "-1e999",
            "123456789012345678901234567890", "-0.0", "0.0000000000000000000001", "9223372036854775808",
            "2147483648", "-2147483649", "1E+2", "1.7976931348623157e308");
    private static final List<String> ODD_STRINGS = List.of("\u0000", "\uFEFF", "\u202Egnp.exe", "e\u0301\u0301\u0301",
            "\uD83D\uDE00".repeat(50), "\u200B\u200B", " ", "\t\n", "<script>alert(1)</script>", "%s%n%x",
            "' OR 1=1 --", "../../etc/passwd", "null", "\uFFFF", "\u00A0", "a".repeat(25_000));

    private RequestMutations() {}

    static byte[] mutate(JsonNode valid, Random random) {
        JsonNode body = valid.deepCopy();
        return switch (random.nextInt(11)) {
            case 0 -> json(replaceRandom(body, random, otherValue(random)));
            case 1 -> json(removeRandom(body, random));
            case 2 -> json(addField(body, random));
            case 3 -> extremeNumber(body, random);
            case 4 -> nested(random);
            case 5 -> json(replaceRandom(body, random, NODES.stringNode(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())))));
            case 6 -> loneSurrogate(body, random);
            case 7 -> cut(json(body), random);
            case 8 -> notUtf8(json(body), random);
            case 9 -> duplicateKey(body, random);
            default -> syntax(json(body), random);
        };
    }

    private static JsonNode otherValue(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(1000) - 500);
            case 3 -> NODES.stringNode(Integer.toString(random.nextInt(100)));
            case 4 -> NODES.arrayNode().add("x").add(1);
            case 5 -> NODES.objectNode().put("a", 1);
            default -> NODES.numberNode(random.nextDouble() * 1e6);
        };
    }

    /** Replaces the body, a field or an element anywhere in it. */
    private static JsonNode replaceRandom(JsonNode body, Random random, JsonNode value) {
        List<Slot> slots = slots(body);
        if (slots.isEmpty() || random.nextInt(10) == 0) {
            return value;
        }
        slots.get(random.nextInt(slots.size())).set(value);
        return body;
    }

    private static JsonNode removeRandom(JsonNode body, Random random) {
        List<Slot> slots = slots(body);
        if (!slots.isEmpty()) {
            slots.get(random.nextInt(slots.size())).remove();
        }
        return body;
    }

    private static JsonNode addField(JsonNode body, Random random) {
        if (body instanceof ObjectNode object) {
            String name = random.nextBoolean() ? "extra" + random.nextInt(100) : List.of("__proto__", "constructor",
                    "TEXT", "Text", "texts ", "", "model\u0000").get(random.nextInt(7));
            object.set(name, otherValue(random));
        }
        return body;
    }

    private static byte[] extremeNumber(JsonNode body, Random random) {
        String marker = "\"__n__\"";
        JsonNode marked = replaceRandom(body, random, NODES.stringNode("__n__"));
        return json(marked).length == 0 ? new byte[0]
                : new String(json(marked), StandardCharsets.UTF_8)
                        .replace(marker, EXTREME_NUMBERS.get(random.nextInt(EXTREME_NUMBERS.size())))
                        .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nested(Random random) {
        int depth = List.of(10, 200, 600, 1_500, 5_000).get(random.nextInt(5));
        String open = random.nextBoolean() ? "[" : "{\"text\":";
        String close = open.equals("[") ? "]" : "}";
        return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] loneSurrogate(JsonNode body, Random random) {
        JsonNode marked = replaceRandom(body, random, NODES.stringNode("__s__"));
        String escape = List.of("\\ud800", "\\udfff", "\\ud83d", "\\uDE00\\uD83D", "\\u0000").get(random.nextInt(5));
        return new String(json(marked), StandardCharsets.UTF_8).replace("__s__", "a" + escape + "b")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] cut(byte[] json, Random random) {
        return java.util.Arrays.copyOf(json, json.length == 0 ? 0 : random.nextInt(json.length));
    }

    private static byte[] notUtf8(byte[] json, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = json.length == 0 ? 0 : random.nextInt(json.length);
        out.write(json, 0, at);
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88}};
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(json, at, json.length - at);
        return out.toByteArray();
    }

    private static byte[] duplicateKey(JsonNode body, Random random) {
        String text = new String(json(body), StandardCharsets.UTF_8);
        if (body instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            text = "{\"" + name + "\":" + json(otherValue(random)).length + "," + text.substring(1);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] syntax(byte[] json, Random random) {
        String text = new String(json, StandardCharsets.UTF_8);
        String damaged = switch (random.nextInt(6)) {
            case 0 -> text.replace("\"", "'");
            case 1 -> text.endsWith("}") ? text.substring(0, text.length() - 1) + ",}" : text + ",";
            case 2 -> "/* c */" + text;
            case 3 -> text.replaceFirst("[0-9]+(\\.[0-9]+)?", "NaN");
            case 4 -> text + text;
            default -> "\uFEFF" + text;
        };
        return damaged.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    /** A place in the tree that can be replaced or removed. */
    private interface Slot {
        void set(JsonNode value);

        void remove();
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> slots = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                slots.add(new Slot() {
                    @Override
                    public void set(JsonNode value) {
                        object.set(field.getKey(), value);
                    }

                    @Override
                    public void remove() {
                        object.remove(field.getKey());
                    }
                });
                slots.addAll(slots(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(new Slot() {
                    @Override
                    public void set(JsonNode value) {
                        array.set(index, value);
                    }

                    @Override
                    public void remove() {
                        array.remove(index);
                    }
                });
                slots.addAll(slots(array.get(i)));
            }
        }
        return slots;
    }
}
