package dev.seqserve.serving.web;

import dev.seqserve.serving.SeqserveProperties;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Reads each request body in full before Spring MVC sees the request, without a request thread waiting
 * while the body is on its way. A body whose bytes have all arrived with its headers (the usual case) is
 * read at once on the request thread; otherwise the request goes asynchronous and a {@link ReadListener}
 * gathers the body as it arrives, then dispatches the request again with the body in memory. A client that
 * sends its headers and stalls mid-body holds a connection, not one of the connector's threads.
 *
 * <p>Also enforces {@code seqserve.limits.max-request-size}: a declared {@code Content-Length} over it is
 * refused before any byte is read, a chunked body once it passes it (413). A body that has not arrived in full
 * {@code seqserve.limits.body-read-timeout} after its headers gets 408; one that cannot be read to
 * its end (broken chunking, shorter than its {@code Content-Length}) 400. The bodies held at once take at most
 * {@code seqserve.limits.max-buffered-bodies} of memory, each as much as has arrived (and at first at most
 * 8 KB whatever it declares); a body that would pass that gets 503 with {@code Retry-After}. All these answers come from
 * {@link ProblemHandler} as an unreadable body ({@link UnreadableBody}), as they would from Spring MVC.
 *
 * <p>It runs after Spring Security, so only requests it lets through are read, and the second dispatch
 * carries their authentication.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RequestBodyFilter extends OncePerRequestFilter {

    private static final String BODY = RequestBodyFilter.class.getName() + ".body";

    private final long maxBytes;
    private final BodyBuffer.Budget budget;
    private final long timeoutMillis;
    private final HandlerExceptionResolver resolver;

    RequestBodyFilter(SeqserveProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.maxBytes = properties.limits().maxRequestSize().toBytes();
        this.budget = new BodyBuffer.Budget(properties.limits().maxBufferedBodies().toBytes());
        this.timeoutMillis = properties.limits().bodyReadTimeout().toMillis();
        this.resolver = resolver;
    }

    /** The second dispatch, once the listener has the whole body, must come here to pick it up. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            if (request.getAttribute(BODY) instanceof BodyBuffer body) {
                request.removeAttribute(BODY);
                chain.doFilter(body.request(request), response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        long declared = request.getContentLengthLong();
        boolean chunked = declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        BodyBuffer body;
        try {
            body = new BodyBuffer(declared, maxBytes, budget);
        } catch (IOException e) {
            refuse(request, response, e);
            return;
        }
        boolean gathering = false;
        try {
            ServletInputStream in = request.getInputStream();
            // A chunked body is never read on the request thread: bytes already here may end inside a
            // chunk header, and reading on would wait for the rest.
            if (!chunked && body.readWhile(in, () -> in.available() > 0)) {
                chain.doFilter(body.request(request), response);
                return;
            }
            AsyncContext async = request.startAsync(request, response);
            async.setTimeout(timeoutMillis);
            Gatherer gatherer = new Gatherer(async, in, body);
            async.addListener(gatherer);
            gathering = true; // from here the listener releases the body
            in.setReadListener(gatherer);
        } catch (IOException e) {
            refuse(request, response, e);
        } finally {
            if (!gathering) {
                body.release();
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, IOException cause) {
        response.setHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is not read
        resolver.resolveException(request, response, null, new HttpMessageNotReadableException(
                "The request body could not be read", cause, new ServletServerHttpRequest(request)));
    }

    /**
     * Reads the rest of a body as its bytes arrive, on whichever container thread has them, and answers
     * the request itself when the body fails or does not arrive in time.
     */
    private final class Gatherer implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final BodyBuffer body;

        Gatherer(AsyncContext async, ServletInputStream in, BodyBuffer body) {
            this.async = async;
            this.in = in;
            this.body = body;
        }

        @Override
        public void onDataAvailable() throws IOException {
            body.readWhile(in, in::isReady);
        }

        @Override
        public void onAllDataRead() {
            async.getRequest().setAttribute(BODY, body);
            async.dispatch();
        }

        /**
         * The body failed: broken chunking, an early end, more bytes than the limit, or a connection error.
         * The container closes the connection after this returns, so the answer is sent now, and the
         * request completes in {@link #onError(AsyncEvent)}, which the container calls next.
         */
        @Override
        public void onError(Throwable t) {
            answer(t instanceof IOException io ? io : new IOException(t));
        }

        @Override
        public void onError(AsyncEvent event) {
            async.complete();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            answer(new SocketTimeoutException("the body did not arrive within " + timeoutMillis + " ms"));
            async.complete();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            body.release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        /** Sends the problem for {@code cause} at once, unless an answer has begun. */
        private void answer(IOException cause) {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            if (response.isCommitted()) {
                return;
            }
            refuse((HttpServletRequest) async.getRequest(), response, cause);
            try {
                response.flushBuffer();
            } catch (IOException e) {
                // the client has gone; there is no one to tell
            }
        }
    }
}
