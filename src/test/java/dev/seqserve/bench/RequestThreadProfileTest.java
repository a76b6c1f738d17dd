package dev.seqserve.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's request-thread profile sorts classes into the parts it reports, most specific first. */
class RequestThreadProfileTest {

    @Test
    void aClassBelongsToTheFirstPartWhosePrefixItHas() {
        assertThat(RequestThreadProfile.partOf("dev.seqserve.preprocess.TokenTable")).isEqualTo("tokenizing and encoding");
        assertThat(RequestThreadProfile.partOf("dev.seqserve.serving.model.ModelMetrics")).isEqualTo("seqserve serving code");
        assertThat(RequestThreadProfile.partOf("org.springframework.security.web.FilterChainProxy")).isEqualTo("Spring Security");
        assertThat(RequestThreadProfile.partOf("org.springframework.web.servlet.DispatcherServlet")).isEqualTo("Spring MVC and web");
        assertThat(RequestThreadProfile.partOf("org.springframework.util.Assert")).isEqualTo("other Spring");
        assertThat(RequestThreadProfile.partOf("tools.jackson.core.json.UTF8StreamJsonParser")).isEqualTo("JSON (Jackson)");
        assertThat(RequestThreadProfile.partOf("org.apache.coyote.http11.Http11Processor")).isEqualTo("Tomcat");
        assertThat(RequestThreadProfile.partOf("org.jfree.chart.JFreeChart")).isEqualTo("other libraries");
    }

    @Test
    void requestThreadsAreTomcatsPlatformOrVirtualHandlers() {
        assertThat(RequestThreadProfile.isRequestThread("http-nio-127.0.0.1-8080-exec-12")).isTrue();
        assertThat(RequestThreadProfile.isRequestThread("tomcat-handler-3")).isTrue();
        assertThat(RequestThreadProfile.isRequestThread("batch-sentiment-lstm-0")).isFalse();
        assertThat(RequestThreadProfile.isRequestThread("http-nio-127.0.0.1-8080-Poller")).isFalse();
    }
}
