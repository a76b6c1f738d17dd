package dev.seqserve.serving.security;

import dev.seqserve.serving.web.InvalidInputException;
import dev.seqserve.serving.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers refusals through the one problem handler: 401 {@code unauthorized} with a
 * {@code WWW-Authenticate} challenge for the credential the path takes, 403 {@code forbidden} for a
 * credential of the wrong kind.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemResponses(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        boolean admin = isAdmin(request);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, admin ? "Bearer realm=\"seqserve-admin\""
                : "ApiKey realm=\"seqserve\", header=\"" + CredentialHeaders.API_KEY + "\"");
        String detail = e instanceof BadCredentialsException ? e.getMessage()
                : admin ? "This endpoint needs the admin token: send Authorization: Bearer <token>."
                : "This endpoint needs an API key: send it in the " + CredentialHeaders.API_KEY + " header.";
        resolver.resolveException(request, response, null, new InvalidInputException(ProblemType.UNAUTHORIZED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) {
        String detail = isAdmin(request) ? "This endpoint needs the admin token; the credential sent is not it."
                : "The credential sent may not call this endpoint.";
        resolver.resolveException(request, response, null, new InvalidInputException(ProblemType.FORBIDDEN, detail));
    }

    private static boolean isAdmin(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/admin") || path.startsWith("/admin/");
    }
}
