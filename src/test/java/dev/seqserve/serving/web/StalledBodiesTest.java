package dev.seqserve.serving.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seqserve.serving.FixtureModelsInitializer;
import dev.seqserve.serving.Http;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Bodies that arrive slowly hold no request thread ({@link RequestBodyFilter}): with four connector threads
 * and a body-read timeout longer than the test, three times as many stalled bodies still leave the
 * service answering, and they are all still waiting afterwards. Bodies gathered a piece at a time, chunked
 * or after {@code Expect: 100-continue} are scored as the same body sent whole; a chunked body past the size
 * limit is refused as too large while it is gathered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seqserve.limits.body-read-timeout=120s", "server.tomcat.threads.max=4",
                "seqserve.limits.max-request-size=1KB"})
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
class StalledBodiesTest {

    private static final String BODY = "{\"text\": \"a fine film with a wonderful cast\"}";
    private static final String HEAD = "POST /sentiment HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + BODY.length() + "\r\n\r\n";

    @LocalServerPort
    int port;

    @Test
    void stalledBodiesHoldNoThreadWhileOthersAreAnswered() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Socket socket = open();
                socket.getOutputStream().write((HEAD + BODY.substring(0, 5)).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            Http http = new Http(port);
            for (int i = 0; i < 8; i++) {
                assertThat(http.postJson("/sentiment", BODY).statusCode()).isEqualTo(200);
            }
            assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            for (Socket socket : stalled) {
                assertThat(socket.getInputStream().available()).as("a stalled body is not answered yet").isZero();
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyGatheredPieceByPieceIsScoredAsTheWholeBody() throws Exception {
        Http http = new Http(port);
        String whole = http.postJson("/sentiment", BODY).body();
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
            for (int from = 0; from < BODY.length(); from += 10) {
                out.write(BODY.substring(from, Math.min(BODY.length(), from + 10)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(150);
            }
            String answer = new String(readAnswer(socket.getInputStream()), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith(whole);
        }
        assertThat(http.postJsonChunked("/sentiment", BODY).body()).isEqualTo(whole);
        HttpResponse<String> continued = http.send(HttpRequest.newBuilder(http.uri("/sentiment"))
                .header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(BODY)));
        assertThat(continued.statusCode()).isEqualTo(200);
        assertThat(continued.body()).isEqualTo(whole);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAsTooLarge() {
        HttpResponse<String> response = new Http(port).postJsonChunked("/sentiment",
                "{\"text\": \"" + "a ".repeat(1_000) + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(Http.mediaType(response)).isEqualTo("application/problem+json");
        assertThat(Http.json(response).path("type").asString()).isEqualTo("https://seqserve.dev/problems/payload-too-large");
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Reads one answer with a {@code Content-Length}: its head and exactly its body. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return (head + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
}
