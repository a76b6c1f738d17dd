package dev.seqserve.serving.web;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.seqserve.serving.model.batch.DeadlineExceededException;
import dev.seqserve.serving.model.batch.OverloadedException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The handler's answers to failures that bad input cannot provoke: overload, deadlines and faults. */
class ProblemHandlerTest {

    private static final OverloadedException OVERLOADED = mock(OverloadedException.class);
    private static final DeadlineExceededException LATE = mock(DeadlineExceededException.class);

    static {
        when(OVERLOADED.retryAfterSeconds()).thenReturn(3L);
        when(OVERLOADED.getMessage()).thenReturn("the queue is full (8 requests waiting)");
        when(LATE.retryAfterSeconds()).thenReturn(1L);
        when(LATE.getMessage()).thenReturn("the request did not start within its deadline of 10 ms");
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemHandler())
            .build();

    @Test
    void aFullQueueIs503OverloadedWithRetryAfter() throws Exception {
        mvc.perform(get("/overloaded"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seqserve.dev/problems/overloaded"));
    }

    @Test
    void aMissedDeadlineIs503DeadlineExceededWithRetryAfter() throws Exception {
        mvc.perform(get("/late"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("https://seqserve.dev/problems/deadline-exceeded"));
    }

    @Test
    void anUnexpectedFaultIsAGeneric500WithoutInternals() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://seqserve.dev/problems/internal-error"))
                .andExpect(jsonPath("$.detail").value("The server could not answer this request."))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }

    @RestController
    static class Failing {

        @GetMapping("/overloaded")
        String overloaded() {
            throw OVERLOADED;
        }

        @GetMapping("/late")
        String late() {
            throw LATE;
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("secret internals at /opt/secret");
        }
    }
}
