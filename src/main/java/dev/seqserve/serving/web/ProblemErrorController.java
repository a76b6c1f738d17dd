package dev.seqserve.serving.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error page: what the servlet container forwards to when a request ends in {@code sendError} or
 * an exception outside Spring MVC (TRACE, broken chunked bodies, filters), answered as a problem for
 * the status. Called directly, {@code /error} is no resource: 404. Replaces Spring Boot's
 * {@code BasicErrorController}.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter writer;

    ProblemErrorController(JsonMapper json) {
        this.writer = new ProblemWriter(json);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            writer.write(response, ProblemType.NOT_FOUND, "No such path.", request.getRequestURI());
            return;
        }
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (code >= 500 && failure instanceof Throwable cause) {
            log.error("Error answering {}", path, cause);
        } else {
            log.debug("{} for {}", code, path);
        }
        writer.writeStatus(response, code, path);
    }
}
