package dev.seqserve.serving.web;

import dev.seqserve.serving.SeqserveProperties;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives body reads their own timeout ({@code seqserve.limits.body-read-timeout}, Tomcat's upload
 * timeout) instead of the connection timeout, so a client that stalls mid-body is answered 408
 * ({@code request-timeout}) and lets its thread go.
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
