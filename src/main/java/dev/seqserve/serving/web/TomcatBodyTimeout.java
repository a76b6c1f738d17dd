package dev.seqserve.serving.web;

import dev.seqserve.serving.SeqserveProperties;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives blocking body reads their own timeout ({@code seqserve.limits.body-read-timeout}, Tomcat's upload
 * timeout) instead of the connection timeout. The API's bodies are gathered without blocking
 * ({@link RequestBodyFilter}, which applies the same limit to the whole body); this bounds any read
 * that blocks, such as one on a connector the filter does not serve.
 */
@Component
class TomcatBodyTimeout implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int timeoutMillis;

    TomcatBodyTimeout(SeqserveProperties properties) {
        this.timeoutMillis = Math.toIntExact(properties.limits().bodyReadTimeout().toMillis());
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(timeoutMillis);
            }
        });
    }
}
