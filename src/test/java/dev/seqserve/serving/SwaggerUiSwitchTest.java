package dev.seqserve.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** {@code springdoc.swagger-ui.enabled=false} takes Swagger UI and springdoc's document away, not the contract. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "springdoc.swagger-ui.enabled=false")
@ContextConfiguration(initializers = FixtureModelsInitializer.class)
class SwaggerUiSwitchTest {

    @LocalServerPort
    int port;

    @Test
    void swaggerUiAndApiDocsAreNotFoundButTheContractIsServed() {
        Http http = new Http(port);
        for (String path : new String[] {"/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs", "/v3/api-docs/swagger-config"}) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(Http.mediaType(response)).as(path).isEqualTo("application/problem+json");
        }
        assertThat(http.get("/openapi.yaml").statusCode()).isEqualTo(200);
    }
}
