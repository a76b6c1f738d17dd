package dev.seqserve.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A one-request-per-connection HTTP client for tests that must tell apart "connection refused",
 * "broken after the request was sent" and "answered with a status" (java.net.http pools connections
 * and retries, which would hide exactly what these tests look for).
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {}

    /** What became of one request, with the times it was sent and finished (System.nanoTime). */
    record Outcome(Kind kind, int status, String body, long sentNanos, long doneNanos, String error, String head) {

        boolean ok() {
            return kind == Kind.ANSWERED && status == 200;
        }

        /** Whether the answer's head carries a {@code Retry-After} header. */
        boolean hasRetryAfter() {
            return head != null && head.toLowerCase(java.util.Locale.ROOT).contains("\r\nretry-after:");
        }
    }

    /** Refused: no connection was made, so the request never reached the server. */
    enum Kind { ANSWERED, REFUSED, BROKEN }

    static Outcome get(int port, String path) {
        return send(port, "GET", path, null);
    }

    static Outcome postJson(int port, String path, String json) {
        return send(port, "POST", path, json);
    }

    static Outcome send(int port, String method, String path, String json) {
        return send(port, method, path, json, Map.of());
    }

    /** As {@link #send(int, String, String, String)}, with extra request headers. */
    static Outcome send(int port, String method, String path, String json, Map<String, String> headers) {
        long sent = 0;
        try (Socket socket = new Socket()) {
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            } catch (ConnectException e) {
                long now = System.nanoTime();
                return new Outcome(Kind.REFUSED, 0, "", now, now, e.toString(), null);
            }
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Accept: */*\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n")
                    + headerLines(headers)
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            sent = System.nanoTime();
            String response = readAll(socket.getInputStream());
            long done = System.nanoTime();
            int lineEnd = response.indexOf("\r\n");
            if (!response.startsWith("HTTP/1.") || lineEnd < 12) {
                return new Outcome(Kind.BROKEN, 0, response, sent, done, "no status line", null);
            }
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Outcome(Kind.ANSWERED, status, bodyStart < 0 ? "" : response.substring(bodyStart + 4),
                    sent, done, null, bodyStart < 0 ? response : response.substring(0, bodyStart));
        } catch (IOException e) {
            long now = System.nanoTime();
            return new Outcome(Kind.BROKEN, 0, "", sent == 0 ? now : sent, now, e.toString(), null);
        }
    }

    private static String headerLines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return lines.toString();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
