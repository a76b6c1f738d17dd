package dev.seqserve.serving.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The one place that says how an error under {@code /v2} (the Open Inference Protocol) is answered:
 * with the protocol's body, {@code {"error": "..."}} as {@code application/json}, in place of the
 * problem that the {@link ProblemHandler} built for it (so which error is which status stays in one
 * place); {@link ProblemWriter} asks it too for the errors that never reach Spring MVC. The protocol
 * answers a bad request with 400, so the 4xx problems other than 401, 403, 404 and 405 (413 body too
 * large, 415 content type, 406, 408, 414) become 400; 404 (unknown model or version), 503 (overload)
 * and the headers (such as {@code Retry-After}) stay. Every other path keeps its problem.
 */
@RestControllerAdvice
final class V2ErrorBodies implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem) || !(request instanceof ServletServerHttpRequest servlet)
                || !applies(path(servlet.getServletRequest()))) {
            return body;
        }
        response.setStatusCode(HttpStatus.valueOf(status(problem.getStatus())));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return new ErrorResponse(problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
    }

    /** Whether the request path (without the context path) is one of the protocol's. */
    static boolean applies(String path) {
        return path != null && (path.equals("/v2") || path.startsWith("/v2/"));
    }

    /** The status V2 answers a problem of status {@code status} with. */
    static int status(int status) {
        return switch (status) {
            case 401, 403, 404, 405 -> status;
            default -> status >= 500 ? status : HttpStatus.BAD_REQUEST.value();
        };
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }

    /**
     * The protocol's error body ({@code $inference_error_response}, {@code $metadata_model_error_response}).
     *
     * @param error what is wrong, never a stack trace
     */
    record ErrorResponse(String error) {}
}
