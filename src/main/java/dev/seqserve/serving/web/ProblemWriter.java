package dev.seqserve.serving.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight onto a servlet response, for the errors that never reach a controller:
 * the servlet container's own ({@link ProblemReportValve}), the error page ({@link ProblemErrorController})
 * and any filter in front of Spring MVC, such as a security entry point, that needs to refuse a request.
 * Stateless: whoever needs one makes one from the application's {@link JsonMapper}.
 */
public final class ProblemWriter {

    /** The longest request path an answer repeats as its {@code instance}. */
    private static final int MAX_INSTANCE = 2048;

    private final JsonMapper json;

    /** @param json the application's mapper */
    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /**
     * Answers with a problem; the status is the type's. Headers already set (such as {@code Allow})
     * are kept. Under {@code /v2} the answer is the protocol's error body instead ({@link V2ErrorBodies}).
     *
     * @param detail a sentence about this occurrence, never echoing the request
     * @param path the request path, left out when it is not a valid URI reference or too long
     */
    public void write(HttpServletResponse response, ProblemType type, String detail, String path) throws IOException {
        if (V2ErrorBodies.applies(path)) {
            write(response, V2ErrorBodies.status(type.status().value()), MediaType.APPLICATION_JSON_VALUE,
                    new V2ErrorBodies.ErrorResponse(detail));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status().value());
        body.put("detail", detail);
        String instance = instance(path);
        if (instance != null) {
            body.put("instance", instance);
        }
        write(response, type.status().value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
    }

    private void write(HttpServletResponse response, int status, String contentType, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        if (status == 503 && response.getHeader(HttpHeaders.RETRY_AFTER) == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Answers an error status that has no more specific cause with the status's type ({@link ProblemType#forStatus}). */
    public void writeStatus(HttpServletResponse response, int status, String path) throws IOException {
        ProblemType type = ProblemType.forStatus(status);
        write(response, type, genericDetail(type), path);
    }

    private static String genericDetail(ProblemType type) {
        return switch (type) {
            case MALFORMED_REQUEST -> "The request is not valid HTTP this service accepts (request line, URL, headers "
                    + "or body framing).";
            case NOT_FOUND -> "No such path.";
            case METHOD_NOT_ALLOWED -> "The path does not take this method.";
            case NOT_ACCEPTABLE -> "The Accept header allows no JSON.";
            case REQUEST_TIMEOUT -> "The request did not arrive in time.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than the limit.";
            case URI_TOO_LONG -> "The request URI is too long.";
            case UNSUPPORTED_MEDIA_TYPE -> "The body is not application/json.";
            case UNAVAILABLE -> "The service is starting or stopping. Retry after 1 s.";
            default -> "The server could not answer this request.";
        };
    }

    private static String instance(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_INSTANCE) {
            return null;
        }
        try {
            return URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
