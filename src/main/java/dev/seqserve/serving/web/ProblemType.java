package dev.seqserve.serving.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers, each with a stable {@code type} URI
 * ({@code https://seqserve.dev/problems/<slug>}) that {@code openapi.yaml} lists. Declared from the most
 * to the least fundamental, so a request with several faults reports the first.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
    WRONG_TYPE("wrong-type", HttpStatus.BAD_REQUEST, "Wrong type"),
    MISSING_FIELD("missing-field", HttpStatus.BAD_REQUEST, "Missing field"),
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    BLANK_TEXT("blank-text", HttpStatus.BAD_REQUEST, "Blank text"),
    TEXT_TOO_LONG("text-too-long", HttpStatus.BAD_REQUEST, "Text too long"),
    BATCH_TOO_LARGE("batch-too-large", HttpStatus.BAD_REQUEST, "Too many texts"),
    NON_FINITE_NUMBER("non-finite-number", HttpStatus.BAD_REQUEST, "Non-finite number"),
    SERIES_TOO_LONG("series-too-long", HttpStatus.BAD_REQUEST, "Series too long"),
    INTERVAL_LEVEL_OUT_OF_RANGE("interval-level-out-of-range", HttpStatus.BAD_REQUEST, "Interval level out of range"),
    DUPLICATE_INTERVAL_LEVEL("duplicate-interval-level", HttpStatus.BAD_REQUEST, "Duplicate interval level"),
    TOO_MANY_INTERVAL_LEVELS("too-many-interval-levels", HttpStatus.BAD_REQUEST, "Too many interval levels"),
    EXPLAINED_TEXT_TOO_LONG("explained-text-too-long", HttpStatus.BAD_REQUEST, "Explained text too long"),
    EXPLANATIONS_UNAVAILABLE("explanations-unavailable", HttpStatus.BAD_REQUEST, "Explanations not available"),
    INVALID_TIMESTAMP("invalid-timestamp", HttpStatus.BAD_REQUEST, "Invalid timestamp"),
    UNKNOWN_MODEL("unknown-model", HttpStatus.NOT_FOUND, "Unknown model"),
    UNKNOWN_VERSION("unknown-version", HttpStatus.NOT_FOUND, "Unknown version"),
    WRONG_MODEL_TASK("wrong-model-task", HttpStatus.BAD_REQUEST, "Model of the wrong task"),
    SERIES_TOO_SHORT("series-too-short", HttpStatus.BAD_REQUEST, "Series too short"),
    INVALID_SERIES("invalid-series", HttpStatus.BAD_REQUEST, "Series the model cannot take"),
    FORECAST_OVERFLOW("forecast-overflow", HttpStatus.BAD_REQUEST, "Forecast not finite"),
    HORIZON_OUT_OF_RANGE("horizon-out-of-range", HttpStatus.BAD_REQUEST, "Horizon out of range"),
    TIMESTAMP_REQUIRED("timestamp-required", HttpStatus.BAD_REQUEST, "Timestamp required"),
    INTERVALS_UNAVAILABLE("intervals-unavailable", HttpStatus.BAD_REQUEST, "Intervals not available"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    VERSION_FAILED("version-failed", HttpStatus.UNPROCESSABLE_CONTENT, "Version refused"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT, "Request timeout"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    OVERLOADED("overloaded", HttpStatus.SERVICE_UNAVAILABLE, "Overloaded"),
    DEADLINE_EXCEEDED("deadline-exceeded", HttpStatus.SERVICE_UNAVAILABLE, "Deadline exceeded"),
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    /** Answered by the gateway only: no replica could take the request. */
    BAD_GATEWAY("bad-gateway", HttpStatus.BAD_GATEWAY, "Bad gateway"),
    /** Answered by the gateway only: the replica did not answer in time. */
    GATEWAY_TIMEOUT("gateway-timeout", HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout");

    /** Where every {@code type} URI starts. */
    public static final String BASE = "https://seqserve.dev/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /**
     * The type an error status without a more specific cause is answered with: the statuses the
     * servlet container and Spring MVC set themselves. A status without a type of its own becomes
     * {@link #MALFORMED_REQUEST} (a client's fault, such as 417 or 505) or {@link #INTERNAL_ERROR}.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 501, 505 -> MALFORMED_REQUEST; // an unknown transfer coding, CONNECT, another HTTP version
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }

    /** The {@code type} URI. */
    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The last segment of the {@code type} URI. */
    public String slug() {
        return slug;
    }

    /** The HTTP status it is answered with. */
    public HttpStatus status() {
        return status;
    }

    /** The {@code title}, the same for every occurrence. */
    public String title() {
        return title;
    }
}
