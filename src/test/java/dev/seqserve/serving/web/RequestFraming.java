package dev.seqserve.serving.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Sends a valid body in an odd frame: wrong or doubled lengths, chunked bodies (well and badly
 * formed), other methods, paths, versions, content types, Accept headers and header syntax.
 */
final class RequestFraming {

    private static final List<String> CONTENT_TYPES = List.of("application/json; charset=utf-8", "APPLICATION/JSON",
            "application/json;charset=latin1", "application/json; charset=utf-16", "application/json; charset=nope",
            "text/plain", "application/x-www-form-urlencoded", "", "application/json, text/plain", "application/*",
            "multipart/form-data; boundary=x", ";;;", "application/problem+json");
    private static final List<String> ACCEPTS = List.of("", "*/*", "text/html", "application/xml", "application/json;q=0",
            ";;;", "application/problem+json", "application/json, text/html;q=0.1", "image/png");
    private static final List<String> METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
            "post", "FOO", "PROPFIND");

    private RequestFraming() {}

    /**
     * @param template the documented path template the case is meant for
     * @param path the path sent: the template with its parameters filled in
     */
    static ContractFuzzTest.Case frame(String template, String path, byte[] body, Random random) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
        return switch (random.nextInt(10)) {
            case 0 -> {
                int delta = 1 + random.nextInt(Math.max(1, body.length / 2 + 1));
                boolean shorter = random.nextBoolean();
                int length = Math.max(0, shorter ? body.length - delta : body.length + delta);
                yield raw(template, path, head + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n", body, !shorter);
            }
            case 1 -> raw(template, path, head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunked(body, random, true), false);
            case 2 -> raw(template, path, head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunked(body, random, false), true);
            case 3 -> raw(template, path, head + "Content-Length: " + body.length + "\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n", chunked(body, random, true), false);
            case 4 -> raw(template, path, head + "Content-Length: " + body.length + "\r\nContent-Length: " + (body.length + 1)
                    + "\r\nConnection: close\r\n\r\n", body, true);
            case 5 -> raw(template, path, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + pick(CONTENT_TYPES, random) + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body, false);
            case 6 -> raw(template, path, head + "Accept: " + pick(ACCEPTS, random) + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n", body, false);
            case 7 -> {
                String method = pick(METHODS, random);
                yield new ContractFuzzTest.Case(method.equals("post") ? "post" : method, template, path, method + " "
                        + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n", body, false);
            }
            case 8 -> {
                String odd = pick(List.of(path + "/", path.toUpperCase(java.util.Locale.ROOT), path + "?x=%zz",
                        path + ";a=b", "/" + path, path + "%00", path + "/..", "http://localhost" + path,
                        path + "#frag", path + "?" + "q".repeat(9_000)), random);
                boolean known = odd.equals("http://localhost" + path);
                yield new ContractFuzzTest.Case("POST", known ? template : null, odd, "POST " + odd + " HTTP/1.1\r\n"
                        + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n", body, false);
            }
            default -> {
                String header = pick(List.of("X-Folded: a\r\n b\r\n", "X-Nul: a\u0000b\r\n", "X-Long: " + "v".repeat(9_000) + "\r\n",
                        "Host: other\r\n", "Transfer-Encoding:  chunked\r\n", "Expect: 100-continue\r\n",
                        "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n",
                        " Leading: space\r\n", "X-Many: 1\r\n".repeat(150), "Content-Encoding: gzip\r\n",
                        "X-Utf8: \u00E9\u00E8\r\n"), random);
                String version = random.nextInt(4) == 0 ? "HTTP/1.0" : "HTTP/1.1";
                yield raw(template, path, "POST " + path + " " + version + "\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\n" + header + "Content-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n", body, false);
            }
        };
    }

    private static ContractFuzzTest.Case raw(String template, String path, String head, byte[] body, boolean halfClose) {
        return new ContractFuzzTest.Case("POST", template, path, head, body, halfClose);
    }

    /** The body in random chunks; when not {@code wellFormed}, one chunk's size line or the end is broken. */
    private static byte[] chunked(byte[] body, Random random, boolean wellFormed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        int broken = wellFormed ? -1 : random.nextInt(4);
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(64));
            String sizeLine = Integer.toHexString(size) + (random.nextInt(5) == 0 ? ";ext=1" : "");
            if (broken == 0) {
                sizeLine = "Z" + sizeLine;
                broken = -1;
            } else if (broken == 1) {
                sizeLine = Integer.toHexString(size + 7);
                broken = -1;
            }
            out.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += size;
        }
        if (broken != 2) {
            out.writeBytes((broken == 3 ? "0\r\nX-Trailer: \u0001\r\n\r\n" : "0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
