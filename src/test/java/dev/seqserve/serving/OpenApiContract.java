package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
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
 * The repository's {@code openapi.yaml} as a validator of real responses: the documented schema of
 * an operation's response (by path template, method, status and media type) must accept the body.
 */
public final class OpenApiContract {

    private static final String BASE = "https://seqserve.dev/openapi.json";
    private static final OpenApiContract INSTANCE = new OpenApiContract(Path.of("openapi.yaml"));

    private final JsonNode document;
    private final SchemaRegistry registry;

    private OpenApiContract(Path file) {
        try {
            this.document = YAMLMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String json = JsonMapper.builder().build().writeValueAsString(document);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE, json)));
    }

    /** The contract in the repository root (tests run there). */
    public static OpenApiContract get() {
        return INSTANCE;
    }

    /** The parsed document. */
    public JsonNode document() {
        return document;
    }

    /**
     * Asserts that the operation documents this status and media type and that the body conforms.
     *
     * @param pathTemplate e.g. {@code /models/{name}}
     * @param method e.g. {@code post}
     * @param status the response's status
     * @param mediaType the response's content type without parameters
     * @param body the response body as JSON text
     */
    public void assertConforms(String pathTemplate, String method, int status, String mediaType, String body) {
        JsonNode operation = document.path("paths").path(pathTemplate).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as("%s %s is documented", method, pathTemplate).isFalse();
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        assertThat(response.isMissingNode()).as("%s %s documents status %d", method, pathTemplate, status).isFalse();
        assertThat(response.path("content").has(mediaType))
                .as("%s %s %d documents %s", method, pathTemplate, status, mediaType).isTrue();
        String pointer = pointerOf(pathTemplate, method, status, mediaType, operation);
        Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        assertThat(errors).as("%s %s %d body %s conforms to %s", method, pathTemplate, status, body, pointer).isEmpty();
    }

    /**
     * Validates a JSON value against the schema at a JSON pointer into the document.
     *
     * @return the validation errors, none when it conforms
     */
    public List<Error> validate(String schemaPointer, JsonNode value) {
        return registry.getSchema(SchemaLocation.of(BASE + "#" + schemaPointer)).validate(value);
    }

    private String pointerOf(String pathTemplate, String method, int status, String mediaType, JsonNode operation) {
        JsonNode ref = operation.path("responses").path(Integer.toString(status)).path("$ref");
        String responseBase = ref.isString()
                ? ref.asString().substring(1)
                : "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase() + "/responses/" + status;
        return responseBase + "/content/" + escape(mediaType) + "/schema";
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isString() ? document.at(ref.asString().substring(1)) : node;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
