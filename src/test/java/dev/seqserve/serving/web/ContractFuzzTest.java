package dev.seqserve.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.FixtureModels;
import dev.seqserve.serving.FixtureModelsInitializer;
import dev.seqserve.serving.OpenApiContract;
import dev.seqserve.serving.RawExchange;
import dev.seqserve.serving.SeqserveApplication;
import dev.seqserve.testing.TinyArtifacts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing of the running service (fixture models, a real socket) from the contract
 * itself: valid requests are generated from {@code openapi.yaml}'s request schemas, read at test time
 * so that fields and operations added later are fuzzed too; invalid ones by mutating valid ones
 * ({@link RequestMutations}); framing and header tricks go through a raw socket. Every answer must be
 * a non-5xx answer; an answer the operation documents must conform to the contract (a 200 to its
 * response schema), and any other error must be a problem whose {@code type} the contract lists, or,
 * under {@code /v2}, the Open Inference Protocol's {@code {"error": ...}} body. Path parameters are
 * filled in with the fixture models' names (and mostly their version).
 * Fixed seeds make every run the same; at least {@value #MIN_CASES} cases run.
 */
class ContractFuzzTest {

    static final int MIN_CASES = 3_000;
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final Map<Integer, Integer> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext app;
    private static int port;
    private static final OpenApiContract CONTRACT = OpenApiContract.get();

    /** One request to send, and the documented operation it is meant for (null: none). */
    record Case(String method, String template, String path, String head, byte[] body, boolean halfClose) {

        byte[] bytes() {
            byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = java.util.Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }

        @Override
        public String toString() {
            String text = new String(bytes(), StandardCharsets.ISO_8859_1);
            return (text.length() > 600 ? text.substring(0, 600) + "…" : text).replace("\r\n", "⏎ ");
        }
    }

    /** A documented operation that takes a JSON body, or a GET with path parameters. */
    record Operation(String method, String template, JsonNode bodySchema) {}

    @BeforeContainer
    static void startService() {
        app = new SpringApplicationBuilder(SeqserveApplication.class)
                .initializers(new FixtureModelsInitializer())
                .properties("server.port=0", "logging.level.dev.seqserve=warn", "logging.level.org.springframework=warn",
                        "logging.level.org.apache=warn")
                .run();
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterContainer
    static void stopServiceAndCount() {
        if (app != null) {
            app.close();
        }
        assertThat(CASES.get()).as("fuzz cases run").isGreaterThanOrEqualTo(MIN_CASES);
        System.out.printf("contract fuzz: %d cases, 0 x 5xx, 0 answers outside the contract; by status %s%n",
                CASES.get(), STATUSES);
    }

    @Property(tries = 1_200, seed = "20261201", shrinking = ShrinkingMode.OFF)
    void validRequestsAreAnsweredAsTheContractSays(@ForAll("validRequests") Case request) {
        check(request);
    }

    @Property(tries = 1_300, seed = "20261202", shrinking = ShrinkingMode.OFF)
    void mutatedRequestsAreRefusedAsProblems(@ForAll("mutatedRequests") Case request) {
        check(request);
    }

    @Property(tries = 700, seed = "20261203", shrinking = ShrinkingMode.OFF)
    void framingAndHeaderTricksAreAnsweredAsProblems(@ForAll("framedRequests") Case request) {
        check(request);
    }

    @Provide
    Arbitrary<Case> validRequests() {
        return Arbitraries.oneOf(operations().stream().map(ContractFuzzTest::valid).toList());
    }

    @Provide
    Arbitrary<Case> mutatedRequests() {
        return fromValidBodies((op, body, random) -> post(op, concrete(op.template(), random),
                RequestMutations.mutate(body, random)));
    }

    @Provide
    Arbitrary<Case> framedRequests() {
        return fromValidBodies((op, body, random) -> RequestFraming.frame(op.template(), concrete(op.template(), random),
                bytes(body), random));
    }

    /** Makes a case from an operation, a valid body for it and a seeded random source. */
    @FunctionalInterface
    private interface Derivation {
        Case derive(Operation op, JsonNode body, java.util.Random random);
    }

    private static Arbitrary<Case> fromValidBodies(Derivation derivation) {
        List<Arbitrary<Case>> each = new ArrayList<>();
        for (Operation op : operations()) {
            if (op.bodySchema() != null) {
                each.add(Combinators.combine(bodies(op), Arbitraries.randoms())
                        .as((body, random) -> derivation.derive(op, body, random)));
            }
        }
        return Arbitraries.oneOf(each);
    }

    private static Arbitrary<Case> valid(Operation op) {
        if (op.bodySchema() != null) {
            return Combinators.combine(bodies(op), Arbitraries.randoms())
                    .as((body, random) -> post(op, concrete(op.template(), random), bytes(body)));
        }
        Arbitrary<String> names = Arbitraries.oneOf(List.of(Arbitraries.of(modelNames()),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)));
        return names.map(name -> {
            String path = op.template().replaceAll("\\{[^}]+}", URLEncoder.encode(name, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
            return new Case("GET", op.template(), path, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: application/json\r\nConnection: close\r\n\r\n", new byte[0], false);
        });
    }

    private static Arbitrary<JsonNode> bodies(Operation op) {
        return new SchemaArbitraries(CONTRACT.document(), Map.of("model", modelNames())).of(op.bodySchema());
    }

    /**
     * The template with its path parameters filled in as a client of the operation would: a fixture
     * model's name, mostly its version (else one that does not serve).
     */
    private static String concrete(String template, java.util.Random random) {
        List<String> names = modelNames();
        return template.replace("{name}", names.get(random.nextInt(names.size())))
                .replace("{version}", random.nextInt(4) == 0 ? "no-such-version" : TinyArtifacts.VERSION);
    }

    private static Case post(Operation op, String path, byte[] body) {
        return new Case("POST", op.template(), path, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n", body, false);
    }

    private static byte[] bytes(JsonNode body) {
        return JSON.writeValueAsBytes(body);
    }

    /** Every documented operation with a JSON request body, and every GET whose path has a parameter. */
    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : CONTRACT.document().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), schema));
                } else if (op.getKey().equals("get") && path.getKey().contains("{")) {
                    operations.add(new Operation("GET", path.getKey(), null));
                }
            }
        }
        assertThat(operations).as("operations to fuzz in openapi.yaml").isNotEmpty();
        return operations;
    }

    private static List<String> modelNames() {
        return List.of(FixtureModels.SENTIMENT_LSTM, FixtureModels.SENTIMENT_GRU, FixtureModels.FORECAST,
                FixtureModels.FORECAST_LOG);
    }

    /** Sends one case and holds its answer to the contract. */
    static void check(Case request) {
        CASES.incrementAndGet();
        RawExchange.Answer answer = RawExchange.send(port, request.bytes(), request.halfClose());
        int status = answer.status();
        STATUSES.merge(status, 1, Integer::sum);
        assertThat(status).as("an answer below 500 to %s; got %s", request, answer).isBetween(200, 499);
        if (request.method().equals("HEAD")) {
            return;
        }
        boolean documented = request.template() != null && documents(request.template(), request.method(), status)
                && request.method().equals(documentedMethod(request.template(), request.method()));
        if (documented && (status >= 400 || status == 200)) {
            CONTRACT.assertConforms(request.template(), request.method(), status, answer.mediaType(), answer.body());
        } else if (status >= 400 && isV2(request.path())) {
            assertThat(answer.mediaType()).as("the V2 error body for %s; got %s", request, answer)
                    .isEqualTo("application/json");
            assertThat(CONTRACT.validate("/components/schemas/V2Error", JSON.readTree(answer.body())))
                    .as("%s answered %s", request, answer.body()).isEmpty();
        } else if (status >= 400) {
            assertThat(answer.mediaType()).as("a problem for %s; got %s", request, answer)
                    .isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(CONTRACT.validate("/components/schemas/Problem", problem)).as("%s answered %s", request, problem)
                    .isEmpty();
            assertThat(problem.path("status").asInt()).as("status in the body of %s", answer).isEqualTo(status);
        }
    }

    /** Whether the server sees the path as one of the Open Inference Protocol's, whose errors are {@code {"error": ...}}. */
    private static boolean isV2(String path) {
        String local = path.startsWith("http://localhost") ? path.substring("http://localhost".length()) : path;
        String plain = local.split("[?#;]", 2)[0];
        return plain.equals("/v2") || plain.startsWith("/v2/");
    }

    private static boolean documents(String template, String method, int status) {
        JsonNode op = CONTRACT.document().path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
        return !op.isMissingNode() && op.path("responses").has(Integer.toString(status));
    }

    private static String documentedMethod(String template, String method) {
        return CONTRACT.document().path("paths").path(template).has(method.toLowerCase(java.util.Locale.ROOT)) ? method : "";
    }
}
