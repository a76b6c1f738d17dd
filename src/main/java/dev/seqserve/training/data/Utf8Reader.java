package dev.seqserve.training.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and, unlike {@link java.io.InputStreamReader}, knows the line of a bad
 * byte: the CSV parser reads ahead in large blocks, so the record being parsed when decoding fails
 * is usually not the one that holds the bad byte.
 */
final class Utf8Reader extends Reader {

    /** Bytes that are not UTF-8, at a known line. */
    static final class MalformedException extends IOException {

        private static final long serialVersionUID = 1L;

        private final long line;

        MalformedException(long line) {
            super("not valid UTF-8");
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;
    private long line = 1;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    /** Decodes into {@code cbuf}; it sits under a {@link java.io.BufferedReader}, so reads are large. */
    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            int before = out.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            countLines(cbuf, before, out.position());
            if (result.isError()) {
                throw new MalformedException(line);
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            if (endOfInput) {
                decoder.flush(out);
                flushed = true;
                return out.position() > off ? out.position() - off : -1;
            }
            fill();
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countLines(char[] cbuf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (cbuf[i] == '\n') {
                line++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
