package dev.seqserve.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.FixtureModelsInitializer;
import dev.seqserve.serving.Http;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The request bodies held in memory take at most {@code seqserve.limits.max-buffered-bodies}: past it a body
 * is refused 503 with {@code Retry-After}, a smaller one that still fits is answered, and what stalled
 * bodies held comes back once their clients go. Its own context, so no other test's bodies share the budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seqserve.limits.body-read-timeout=120s", "seqserve.limits.max-request-size=1KB",
                "seqserve.limits.max-buffered-bodies=4KB"})
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
class BufferedBodiesBudgetTest {

    private static final String BODY = "{\"text\": \"a fine film with a wonderful cast\"}";

    @LocalServerPort
    int port;

    @Test
    void bodiesInMemoryStayWithinTheirBudgetAndGiveItBack() throws Exception {
        String head = "POST /sentiment HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"te";
        List<Socket> stalled = new ArrayList<>();
        Http http = new Http(port);
        String big = "{\"text\": \"" + "a ".repeat(480) + "\"}";
        try {
            for (int i = 0; i < 4; i++) { // 4 × 1,000 declared bytes of a 4 KB budget
                Socket socket = open();
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            assertThat(http.postJson("/sentiment", BODY).statusCode()).as("a small body still fits").isEqualTo(200);
            HttpResponse<String> refused = awaitStatus(http, big, 503);
            assertThat(Http.mediaType(refused)).isEqualTo("application/problem+json");
            assertThat(Http.json(refused).path("type").asString()).isEqualTo("https://seqserve.dev/problems/overloaded");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        assertThat(awaitStatus(http, big, 200).statusCode()).as("the stalled bodies' memory came back").isEqualTo(200);
    }

    /** Posts until the answer has {@code status}, for at most 20 s (the server notices closed connections on its own time). */
    private static HttpResponse<String> awaitStatus(Http http, String body, int status) throws InterruptedException {
        HttpResponse<String> response = http.postJson("/sentiment", body);
        for (int i = 0; i < 100 && response.statusCode() != status; i++) {
            Thread.sleep(200);
            response = http.postJson("/sentiment", body);
        }
        return response;
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }
}
