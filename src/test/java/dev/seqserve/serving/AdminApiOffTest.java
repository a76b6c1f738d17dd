package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** With no admin token configured (a blank one counts as none) the admin API does not exist, whatever is sent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
@TestPropertySource(properties = "seqserve.admin.token=  ")
class AdminApiOffTest {

    @LocalServerPort
    int port;

    @Test
    void adminPathsAnswer404WithOrWithoutAnAuthorizationHeader() {
        for (String authorization : new String[] {null, "Bearer   ", "Bearer " + FixtureModels.ADMIN_TOKEN}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(new Http(port).uri(
                    "/admin/models/" + FixtureModels.SENTIMENT_LSTM + "/reload")).POST(HttpRequest.BodyPublishers.noBody());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = new Http(port).send(request);

            assertThat(response.statusCode()).as("%s: %s", authorization, response.body()).isEqualTo(404);
            assertThat(Http.json(response).path("type").asString()).isEqualTo("https://seqserve.dev/problems/not-found");
        }
        HttpResponse<String> withKey = new Http(port).send(HttpRequest.newBuilder(new Http(port).uri("/sentiment"))
                .header("Content-Type", "application/json").header("X-API-Key", "meant-for-another-deployment")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"good\"}")));
        assertThat(withKey.statusCode()).as("inference stays open without API keys, whatever key is sent").isEqualTo(200);
    }
}
