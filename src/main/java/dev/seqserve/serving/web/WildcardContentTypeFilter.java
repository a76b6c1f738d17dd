package dev.seqserve.serving.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a request whose {@code Content-Type} is a wildcard (such as {@code application/*}), which
 * no body can have, with 415 through the {@link ProblemHandler}: Spring MVC would otherwise fail an
 * assertion, and answer 500, while it builds the 404 for a path without a handler.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver resolver;

    WildcardContentTypeFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        // only a header with a '*' is parsed: every other request pays one indexOf, not a media-type parse
        if (header != null && header.indexOf('*') >= 0 && isWildcard(header)) {
            resolver.resolveException(request, response, null, new HttpMediaTypeNotSupportedException(
                    "A Content-Type cannot be a wildcard", List.of(MediaType.APPLICATION_JSON)));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false; // Spring MVC answers an unreadable one itself
        }
    }
}
