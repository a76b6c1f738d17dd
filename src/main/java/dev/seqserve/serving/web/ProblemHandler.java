package dev.seqserve.serving.web;

import dev.seqserve.serving.model.InferenceTimeoutException;
import dev.seqserve.serving.model.UnknownModelException;
import dev.seqserve.serving.model.UnknownVersionException;
import dev.seqserve.serving.model.VersionFailedException;
import dev.seqserve.serving.model.WrongModelTaskException;
import dev.seqserve.serving.model.batch.DeadlineExceededException;
import dev.seqserve.serving.model.batch.RequestRejectedException;
import java.net.URI;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error handler: every error becomes an RFC 9457 {@code application/problem+json} body with a
 * stable {@code type} ({@link ProblemType}). Expected errors log at debug; unexpected ones log at error
 * and answer a generic 500 without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, WebRequest request) {
        return problem(e.type(), e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler(UnknownModelException.class)
    ResponseEntity<Object> unknownModel(UnknownModelException e, WebRequest request) {
        return problem(ProblemType.UNKNOWN_MODEL, e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler(UnknownVersionException.class)
    ResponseEntity<Object> unknownVersion(UnknownVersionException e, WebRequest request) {
        return problem(ProblemType.UNKNOWN_VERSION, e.getMessage(), new HttpHeaders(), request);
    }

    /** A refused version: the problem names the version, the step, the file and the reason, never a path. */
    @ExceptionHandler(VersionFailedException.class)
    ResponseEntity<Object> versionFailed(VersionFailedException e, WebRequest request) {
        ResponseEntity<Object> response = problem(ProblemType.VERSION_FAILED, e.getMessage(), new HttpHeaders(), request);
        ProblemDetail body = (ProblemDetail) response.getBody();
        body.setProperty("model", e.model());
        body.setProperty("version", e.version());
        body.setProperty("stage", e.stage());
        body.setProperty("file", e.file());
        body.setProperty("reason", e.reason());
        body.setProperty("serving", e.serving());
        return response;
    }

    @ExceptionHandler(WrongModelTaskException.class)
    ResponseEntity<Object> wrongTask(WrongModelTaskException e, WebRequest request) {
        return problem(ProblemType.WRONG_MODEL_TASK, e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        ProblemType type = e instanceof DeadlineExceededException ? ProblemType.DEADLINE_EXCEEDED : ProblemType.OVERLOADED;
        return problem(type, "The service is busy: " + e.getMessage() + ". Retry after "
                + e.retryAfterSeconds() + " s.", retryAfter(e.retryAfterSeconds()), request);
    }

    @ExceptionHandler(InferenceTimeoutException.class)
    ResponseEntity<Object> timedOut(InferenceTimeoutException e, WebRequest request) {
        return problem(ProblemType.DEADLINE_EXCEEDED, e.getMessage(), new HttpHeaders(), request);
    }

    @ExceptionHandler(RejectedExecutionException.class)
    ResponseEntity<Object> shuttingDown(RejectedExecutionException e, WebRequest request) {
        return problem(ProblemType.OVERLOADED, "The service is shutting down.", new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        if (isUnknownHealthPath(e, request)) {
            return problem(ProblemType.NOT_FOUND, "No such health component.", new HttpHeaders(), request);
        }
        log.error("Unexpected error answering {}", describe(request), e);
        return problem(ProblemType.INTERNAL_ERROR, "The server could not answer this request.", new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violations.Verdict verdict = Violations.judge(e.getBindingResult());
        ResponseEntity<Object> response = problem(verdict.type(), verdict.detail(), headers, request);
        ((ProblemDetail) response.getBody()).setProperty("errors", verdict.errors());
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        UnreadableBody.Verdict verdict = UnreadableBody.judge(e);
        return problem(verdict.type(), verdict.detail(), headers, request);
    }

    /** Logs what Spring MVC raises itself (404, 405, 406, 415…) before it becomes a problem body. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (status.is5xxServerError()) {
            log.error("Error answering {}", describe(request), e);
        } else {
            log.debug("{} for {}: {}", status.value(), describe(request), e.getMessage());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** Gives the problems Spring MVC builds (type {@code about:blank}) their stable type and its status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpStatusCode answered = status;
        if (body instanceof ProblemDetail detail && !isTyped(detail)) {
            ProblemType type = ProblemType.forStatus(status.value());
            if (type == ProblemType.INTERNAL_ERROR) {
                detail.setDetail("The server could not answer this request.");
            }
            detail.setType(type.uri());
            detail.setTitle(type.title());
            detail.setStatus(type.status());
            detail.setInstance(instance(request));
            answered = type.status();
        }
        return super.createResponseEntity(body, headers, answered, request);
    }

    private static boolean isTyped(ProblemDetail detail) {
        return detail.getType() != null && detail.getType().toString().startsWith(ProblemType.BASE);
    }

    /**
     * Spring Boot 4.0's health endpoint fails an assertion, instead of answering 404, for a path two
     * levels below a component that does not exist ({@code /actuator/health/a/b}).
     */
    private static boolean isUnknownHealthPath(Exception e, WebRequest request) {
        return e instanceof IllegalStateException
                && request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, WebRequest.SCOPE_REQUEST)
                        instanceof HandlerMethod handler
                && handler.getBeanType().getName().startsWith("org.springframework.boot.")
                && request.getDescription(false).contains("/health/");
    }

    private ResponseEntity<Object> problem(ProblemType type, String detail, HttpHeaders headers, WebRequest request) {
        if (type != ProblemType.INTERNAL_ERROR) {
            log.debug("{} {} for {}: {}", type.status().value(), type.slug(), describe(request), detail);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        body.setInstance(instance(request));
        if (type.status() == HttpStatus.SERVICE_UNAVAILABLE && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
            HttpHeaders withRetry = new HttpHeaders();
            withRetry.putAll(headers);
            withRetry.set(HttpHeaders.RETRY_AFTER, "1"); // every 503 says when to retry, as ProblemWriter's do
            headers = withRetry;
        }
        return ResponseEntity.status(type.status()).headers(headers).body(body);
    }

    private static HttpHeaders retryAfter(long seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return headers;
    }

    private static URI instance(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest
                && nativeRequest.getNativeRequest() instanceof jakarta.servlet.http.HttpServletRequest http) {
            try {
                return URI.create(http.getRequestURI());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String describe(WebRequest request) {
        return request.getDescription(false);
    }
}
