package dev.seqserve.serving.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Open Inference Protocol's own schemas ({@code components/schemas} of
 * {@code ../shared/oip/open_inference_rest.yaml}, an OpenAPI 3.0 document) as a validator of real
 * bodies. The specification is read from the shared folder, never copied into the project: a test
 * that needs it skips, saying why, when it is absent, and fails instead under {@code CI=true}.
 */
final class OipSchemas {

    /** System property that overrides the folder of the specification. */
    static final String PROPERTY = "seqserve.oip";
    /** The folder relative to the project folder when the property is not set. */
    static final String DEFAULT = "../shared/oip";
    static final String FILE = "open_inference_rest.yaml";

    private static final String BASE = "https://seqserve.dev/oip/open_inference_rest.json";
    private static OipSchemas loaded;

    private final SchemaRegistry registry;
    private final JsonNode document;

    private OipSchemas(Path file) throws IOException {
        document = YAMLMapper.builder().build().readTree(Files.readString(file));
        String json = JsonMapper.builder().build().writeValueAsString(document);
        registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(BASE, json)));
    }

    /** The specification's schemas; skips the calling test when the file is absent (fails under {@code CI=true}). */
    static synchronized OipSchemas get() {
        Path file = folder().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            String why = "the Open Inference Protocol specification was not found: " + file + " (set -D" + PROPERTY
                    + "=<folder> to point at ../shared/oip)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ", and CI=true forbids skipping");
            }
            assumeTrue(false, "skipped: " + why);
        }
        if (loaded == null) {
            try {
                loaded = new OipSchemas(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    private static Path folder() {
        String configured = System.getProperty(PROPERTY);
        return (configured == null || configured.isBlank() ? Path.of(DEFAULT) : Path.of(configured)).toAbsolutePath()
                .normalize();
    }

    /** The parsed specification. */
    JsonNode document() {
        return document;
    }

    /**
     * Asserts that a body conforms to one of the specification's schemas.
     *
     * @param schema a name under {@code components/schemas}, such as {@code inference_response}
     * @param body the body as JSON text
     */
    void assertConforms(String schema, String body) {
        assertThat(document.path("components").path("schemas").has(schema)).as("the specification has schema %s", schema)
                .isTrue();
        List<Error> errors = registry.getSchema(SchemaLocation.of(BASE + "#/components/schemas/" + schema))
                .validate(body, InputFormat.JSON);
        assertThat(errors).as("%s conforms to the specification's %s", body, schema).isEmpty();
    }
}
