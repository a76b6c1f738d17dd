package dev.seqserve.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.FixtureModelsInitializer;
import dev.seqserve.serving.OpenApiContract;
import dev.seqserve.serving.RawExchange;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that Tomcat, the error page and Spring Boot's endpoints answer, never seen by a controller,
 * over a raw socket: each is {@code application/problem+json} with a {@code type} from the contract,
 * the HTTP status in its body, and nothing about the server in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
class ContainerErrorsTest {

    private static final String JSON_POST = "POST /sentiment HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nConnection: close\r\n";

    @LocalServerPort
    int port;

    private final OpenApiContract contract = OpenApiContract.get();

    static Stream<Arguments> containerErrors() {
        return Stream.of(
                error("bad percent-encoding in the URL", "GET /models%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed-request"),
                error("a brace in the URL", "GET /a{b} HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed-request"),
                error("a dot-dot path", "GET /../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed-request"),
                error("a header name with a space", "GET /models HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400, "malformed-request"),
                error("no request line", "GARBAGE\r\n\r\n", 400, "malformed-request"),
                error("HTTP/1.1 without Host", "GET /models HTTP/1.1\r\nConnection: close\r\n\r\n", 400, "malformed-request"),
                error("a header over the size limit", "GET /models HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 400, "malformed-request"),
                error("a non-numeric Content-Length", JSON_POST + "Content-Length: abc\r\n\r\n", 400, "malformed-request"),
                error("an unknown transfer coding", JSON_POST + "Transfer-Encoding: gzip\r\n\r\n", 400, "malformed-request"),
                error("HTTP/2.0 on the request line", "GET /models HTTP/2.0\r\nHost: x\r\n\r\n", 400, "malformed-request"),
                error("CONNECT", "CONNECT x:443 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "malformed-request"),
                error("an unknown Expect", JSON_POST + "Expect: 100-continue-x\r\nContent-Length: 2\r\n\r\n{}", 400, "malformed-request"),
                error("a broken chunk size", JSON_POST + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"text\":\"a\"}\r\n0\r\n\r\n", 400, "malformed-request"),
                halfClosed("a body shorter than its Content-Length", JSON_POST + "Content-Length: 100\r\n\r\n{\"text\": \"go", 400, "malformed-request"),
                error("TRACE", "TRACE /models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "method-not-allowed"),
                // Spring Security's firewall refuses methods it does not know before any handler sees them.
                error("a made-up method", "FOO /models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "malformed-request"),
                error("/error called directly", "GET /error HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, "not-found"),
                error("POST /error", "POST /error HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 404, "not-found"),
                error("two levels under an unknown health component", "GET /actuator/health/a/b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, "not-found"),
                error("an unknown component of a health group", "GET /actuator/health/readiness/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, "not-found"),
                error("an unknown actuator endpoint", "GET /actuator/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, "not-found"),
                error("POST to health", "POST /actuator/health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405, "method-not-allowed"),
                error("an unparsable Accept", "GET /models HTTP/1.1\r\nHost: x\r\nAccept: ;;;\r\nConnection: close\r\n\r\n", 406, "not-acceptable"),
                error("an unparsable Content-Type", "POST /sentiment HTTP/1.1\r\nHost: x\r\nContent-Type: ;;;\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 415, "unsupported-media-type"),
                error("a wildcard Content-Type on a path without a handler", "POST /admin/models/x/pin HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/*\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 415, "unsupported-media-type"),
                error("only HTML accepted on a missing path", "GET /nope HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n", 404, "not-found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containerErrors")
    void theContainersOwnErrorsAreProblemsWithAContractType(String name, String request, boolean halfClose, int status,
            String type) {
        RawExchange.Answer answer = RawExchange.send(port, request.getBytes(StandardCharsets.ISO_8859_1), halfClose);

        assertThat(answer.status()).as("%s: %s", name, answer).isEqualTo(status);
        assertThat(answer.mediaType()).as("%s: %s", name, answer).isEqualTo("application/problem+json");
        JsonNode body = JsonMapper.builder().build().readTree(answer.body());
        assertThat(body.path("type").asString()).isEqualTo("https://seqserve.dev/problems/" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(contract.validate("/components/schemas/Problem", body)).as("%s conforms to Problem", body).isEmpty();
        assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache")
                .doesNotContain("Exception");
        assertThat(answer.headers().getOrDefault("server", "")).doesNotContainPattern("[0-9]");
    }

    static Stream<Arguments> v2ContainerErrors() {
        String infer = "POST /v2/models/tiny-sentiment-lstm/infer HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
        return Stream.of(
                error("an undecodable model name", "GET /v2/models/%00/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, null),
                error("bad percent-encoding", "GET /v2/models%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, null),
                error("a broken chunk size", infer + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "ZZ\r\n{}\r\n0\r\n\r\n", 400, null),
                halfClosed("a body shorter than its Content-Length", infer + "Content-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"inputs\": [", 400, null),
                error("a wildcard Content-Type", infer + "Content-Type: application/*\r\nContent-Length: 2\r\n\r\n{}", 400, null),
                error("an unparsable Content-Type", infer + "Content-Type: ;;;\r\nContent-Length: 2\r\n\r\n{}", 400, null),
                error("TRACE", "TRACE /v2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, null),
                error("an unknown V2 path", "GET /v2/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, null));
    }

    /** Under {@code /v2} the same errors are the Open Inference Protocol's {@code {"error": ...}} body; 4xx other than 404 and 405 is 400. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("v2ContainerErrors")
    void theContainersOwnErrorsUnderV2AreTheProtocolsErrorBody(String name, String request, boolean halfClose, int status,
            String type) {
        RawExchange.Answer answer = RawExchange.send(port, request.getBytes(StandardCharsets.ISO_8859_1), halfClose);

        assertThat(answer.status()).as("%s: %s", name, answer).isEqualTo(status);
        assertThat(answer.mediaType()).as("%s: %s", name, answer).isEqualTo("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(answer.body());
        assertThat(contract.validate("/components/schemas/V2Error", body)).as("%s conforms to V2Error", body).isEmpty();
        assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception");
    }

    private static Arguments error(String name, String request, int status, String type) {
        return Arguments.of(name, request, false, status, type);
    }

    private static Arguments halfClosed(String name, String request, int status, String type) {
        return Arguments.of(name, request, true, status, type);
    }
}
