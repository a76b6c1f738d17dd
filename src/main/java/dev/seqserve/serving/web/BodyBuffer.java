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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body gathered into memory by {@link RequestBodyFilter}, up to a byte limit, and the request that
 * then reads it from there. Its memory grows with the bytes that arrive, not with the length a client
 * declares, and is taken from a {@link Budget} shared by all bodies until {@link #release}.
 */
final class BodyBuffer {

    /** The most a buffer holds before its first byte has arrived. */
    private static final int INITIAL_BYTES = 8 * 1024;

    /** The bytes all buffers may hold together. Thread-safe. */
    static final class Budget {

        private final long maxBytes;
        private final AtomicLong used = new AtomicLong();

        Budget(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** @throws BodiesBufferFullException when {@code bytes} more would pass the budget */
        void reserve(long bytes) throws BodiesBufferFullException {
            for (long now = used.get(); ; now = used.get()) {
                if (now + bytes > maxBytes) {
                    throw new BodiesBufferFullException();
                }
                if (used.compareAndSet(now, now + bytes)) {
                    return;
                }
            }
        }

        void release(long bytes) {
            used.addAndGet(-bytes);
        }
    }

    /** Something that says, without waiting, whether a read would return at once. */
    interface Ready {
        boolean now() throws IOException;
    }

    private final long declared;
    private final long maxBytes;
    private final Budget budget;
    private byte[] bytes;
    private int size;
    private boolean ended;
    private boolean released;

    /**
     * @param declared the {@code Content-Length}, or -1 when the body is chunked
     * @param maxBytes the largest body accepted, below 2 GiB
     * @throws PayloadTooLargeException when the declared length is over the limit
     * @throws BodiesBufferFullException when the budget has no room for the first bytes
     */
    BodyBuffer(long declared, long maxBytes, Budget budget) throws IOException {
        if (declared > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        this.declared = declared;
        this.maxBytes = maxBytes;
        this.budget = budget;
        int initial = (int) Math.min(declared > 0 ? declared : INITIAL_BYTES, Math.min(INITIAL_BYTES, maxBytes + 1));
        budget.reserve(initial);
        this.bytes = new byte[initial];
    }

    /** Gives the buffer's memory back to the budget; the first call counts, later ones do nothing. */
    void release() {
        if (!released) {
            released = true;
            budget.release(bytes.length);
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

    private void grow() throws IOException {
        if (size >= maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        // a declared body needs no more than its length; one byte past the limit tells a chunked one is over it
        long room = declared > 0 ? declared : maxBytes + 1;
        int capacity = (int) Math.min((long) bytes.length * 2, room);
        budget.reserve(capacity - bytes.length);
        bytes = Arrays.copyOf(bytes, capacity);
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
