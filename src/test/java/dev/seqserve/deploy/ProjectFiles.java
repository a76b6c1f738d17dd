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
