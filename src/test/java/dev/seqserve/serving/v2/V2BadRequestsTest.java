package dev.seqserve.serving.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.seqserve.serving.OpenApiContract;
import dev.seqserve.serving.ServingSliceTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, acceptance 3: every kind of bad V2 request gets 400 (404 for an unknown model, version or
 * path, 405 for a wrong method) with the protocol's {@code {"error": "..."}} body as
 * {@code application/json}, as {@code openapi.yaml} documents it, never a 5xx and never a problem; the
 * next valid requests are answered.
 */
@ServingSliceTest
class V2BadRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    static List<V2BadRequests.Case> badRequests() {
        return V2BadRequests.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsItsStatusAndTheProtocolsErrorBody(V2BadRequests.Case bad) throws Exception {
        MockHttpServletResponse response = mvc.perform(bad.request()).andReturn().getResponse();

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(bad.status());
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.propertyNames()).containsExactly("error");
        assertThat(body.path("error").stringValue()).isNotBlank().doesNotContain("Exception", "/tmp/", "at dev.");
        OpenApiContract.get().assertConforms(bad.path(), bad.operation(), bad.status(), MediaType.APPLICATION_JSON_VALUE,
                response.getContentAsString());
    }

    @AfterEach
    void nextValidRequestsAreAnswered() throws Exception {
        mvc.perform(post(V2BadRequests.SENTIMENT).contentType(MediaType.APPLICATION_JSON)
                        .content(V2Bodies.texts(List.of("a great film"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outputs[0].data.length()").value(1));
        mvc.perform(post(V2BadRequests.FORECAST).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parameters\": {\"horizon\": 2}, \"inputs\": [{\"name\": \"series\", \"datatype\": "
                                + "\"FP32\", \"shape\": [1, 8], \"data\": " + V2BadRequests.WINDOW + "}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outputs[0].shape[1]").value(2));
    }
}
