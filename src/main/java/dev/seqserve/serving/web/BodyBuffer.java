package dev.seqserve.serving.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request body gathered into memory by {@link RequestBodyFilter}, up to a byte limit, and the request that
 * then reads it from there.
 */
final class BodyBuffer {

    /** Something that says, without waiting, whether a read would return at once. */
    interface Ready {
        boolean now() throws IOException;
    }

    private final long declared;
    private final long maxBytes;
    private byte[] bytes;
    private int size;
    private boolean ended;

    /**
     * @param declared the {@code Content-Length}, or -1 when the body is chunked
     * @param maxBytes the largest body accepted, below 2 GiB
     */
    BodyBuffer(long declared, long maxBytes) {
        this.declared = declared;
        this.maxBytes = maxBytes;
        this.bytes = new byte[(int) (declared > 0 ? Math.min(declared, maxBytes) : Math.min(1024, maxBytes))];
    }

    /** @throws PayloadTooLargeException when the declared length is over the limit */
    void checkDeclared() throws PayloadTooLargeException {
        if (declared > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
    }

    /**
     * Reads while {@code ready} says a read returns at once and the body has not ended.
     *
     * @return whether the whole body is here
     * @throws PayloadTooLargeException once the body passes the limit
     */
    boolean readWhile(ServletInputStream in, Ready ready) throws IOException {
        while (declared >= 0 ? size < declared : !ended && !in.isFinished()) {
            if (!ready.now()) {
                return false;
            }
            if (size == bytes.length) {
                grow();
            }
            int n = in.read(bytes, size, bytes.length - size);
            if (n < 0) {
                if (declared >= 0) {
                    throw new EOFException("the body ended after " + size + " of " + declared + " bytes");
                }
                ended = true;
            } else {
                size += n;
            }
        }
        if (size > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        return true;
    }

    private void grow() throws PayloadTooLargeException {
        if (size >= maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        // one byte past the limit is room enough to tell that a body is over it
        bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, maxBytes + 1));
    }

    /** {@code request} reading this body instead of its connection. */
    HttpServletRequest request(HttpServletRequest request) {
        return new Buffered(request, bytes, size);
    }

    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] bytes;
        private final int size;

        Buffered(HttpServletRequest request, byte[] bytes, int size) {
            super(request);
            this.bytes = bytes;
            this.size = size;
        }

        @Override
        public int getContentLength() {
            return size;
        }

        @Override
        public long getContentLengthLong() {
            return size;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new Stream(new ByteArrayInputStream(bytes, 0, size));
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Stream extends ServletInputStream {

        private final ByteArrayInputStream in;

        Stream(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public int available() {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("the body is already in memory; read it directly");
        }
    }
}
