package dev.seqserve.serving.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, as a problem instead of an HTML page naming the server: for what Tomcat
 * refuses before any servlet runs (malformed request lines, URLs and headers, unknown transfer
 * codings, other HTTP versions) and for any error status that leaves the application without a body.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final ProblemWriter writer;

    ProblemReportValve(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || response.isCommitted()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        response.setErrorReported();
        try {
            response.setContentLengthLong(-1);
            // a URI Tomcat could not decode (such as one holding %00) has no decoded form; the raw one says whose it is
            String decoded = request.getDecodedRequestURI();
            writer.writeStatus(response, status, decoded == null || decoded.isEmpty() ? request.getRequestURI() : decoded);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client went away; there is no one to tell
        }
    }
}
