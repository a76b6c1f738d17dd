package dev.seqserve.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.FixtureModelsInitializer;
import dev.seqserve.serving.Http;
import dev.seqserve.serving.RawExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients that send a request's headers and a few bytes of its body, then stall: each is answered
 * 408 once the body-read timeout passes, and while many are connected the service still answers.
 * How fast it answers them is measured by the fault command, not here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "seqserve.limits.body-read-timeout=1s")
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
class SlowClientsTest {

    private static final String STALLED_HEAD = "POST /sentiment HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te";

    @LocalServerPort
    int port;

    @Test
    void aBodyThatStallsIsAnswered408RequestTimeout() {
        long start = System.nanoTime();
        RawExchange.Answer answer = RawExchange.send(port, STALLED_HEAD.getBytes(StandardCharsets.US_ASCII), false);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(408);
        assertThat(answer.mediaType()).isEqualTo("application/problem+json");
        assertThat(JsonMapper.builder().build().readTree(answer.body()).path("type").asString())
                .isEqualTo("https://seqserve.dev/problems/request-timeout");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds until the answer").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void whileManySlowClientsAreConnectedARequestAndReadinessAreAnswered() throws IOException {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                OutputStream out = socket.getOutputStream();
                out.write(STALLED_HEAD.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            Http http = new Http(port);
            assertThat(http.postJson("/sentiment", "{\"text\": \"a fine film\"}").statusCode()).isEqualTo(200);
            assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
