package dev.seqserve.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Finds the project's deployment files and reads YAML documents as plain maps and lists. */
final class ProjectFiles {

    private ProjectFiles() {}

    /** The project root: the nearest folder upwards from the working directory with a pom.xml. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** Every YAML document in a file, in order, each as a map (SafeConstructor: no custom types). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) throws java.io.IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(Files.readString(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** Every YAML document of every {@code .yaml} file directly in a project folder, files in name order. */
    static List<Map<String, Object>> yamlFolder(String relative) throws java.io.IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.list(file(relative))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                documents.addAll(yamlDocuments(file));
            }
        }
        return documents;
    }

    /** The one document of that {@code kind}; fails unless there is exactly one. */
    static Map<String, Object> only(List<Map<String, Object>> documents, String kind) {
        List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " manifest, found " + found.size());
        }
        return found.get(0);
    }

    /** A container's environment: each variable's value, or its {@code valueFrom} when it has none. */
    static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        for (Object entry : list(container, "env")) {
            Object value = at(entry, "value");
            env.put((String) at(entry, "name"), value != null ? value : at(entry, "valueFrom"));
        }
        return env;
    }

    /** The value at a path of map keys and list indexes, or null where the path leads nowhere. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        Object value = at(node, path);
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping at " + List.of(path) + " but found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, Object... path) {
        Object value = at(node, path);
        if (!(value instanceof List)) {
            throw new AssertionError("expected a sequence at " + List.of(path) + " but found " + value);
        }
        return (List<Object>) value;
    }
}
