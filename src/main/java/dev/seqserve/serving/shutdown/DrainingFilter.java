package dev.seqserve.serving.shutdown;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/** While the {@link HttpDrain} runs, every answer asks its client to close the connection, so keep-alive connections end. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DrainingFilter extends OncePerRequestFilter {

    /**
     * Looked up on the first request and kept: a bean factory look-up per request cost 4% of the request
     * threads' CPU. Absent in a test slice without the web server.
     */
    private final Supplier<HttpDrain> drain;

    DrainingFilter(ObjectProvider<HttpDrain> drain) {
        this.drain = SingletonSupplier.of(drain::getIfAvailable);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpDrain current = drain.get();
        if (current != null && current.isDraining()) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        chain.doFilter(request, response);
    }
}
