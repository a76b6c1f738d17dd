package dev.seqserve.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the request threads' time goes in each measured level: the service's flight recording samples
 * its threads ({@code jdk.ExecutionSample}), and each request-thread sample counts for the code whose
 * frame is innermost on its stack once the JDK's own frames are skipped (so {@code String.hashCode}
 * called by the tokenizer counts as tokenizing). Multiplied by the level's request-thread CPU per
 * request, the shares say what each part costs a request.
 */
final class RequestThreadProfile {

    /** The parts, in report order: a frame's class belongs to the first whose prefix it starts with. */
    private static final Map<String, List<String>> PARTS = parts();

    /**
     * @param model the level's model
     * @param setup the level's setup: real reviews or the one-word floor
     * @param concurrency the level's concurrency
     * @param samples request-thread samples inside the level
     * @param byPart samples per part, every part present, in {@link #parts} order
     */
    record Result(String model, String setup, int concurrency, int samples, Map<String, Integer> byPart) {

        /** A part's share of the samples. */
        double share(String part) {
            return (double) byPart.get(part) / samples;
        }
    }

    /** The part of the tokenizer and the encoder. */
    static final String TOKENIZING = "tokenizing and encoding";
    /** The part of reading and writing JSON. */
    static final String JSON = "JSON (Jackson)";

    private RequestThreadProfile() {}

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put(TOKENIZING, List.of("dev.seqserve.preprocess."));
        parts.put("seqserve serving code", List.of("dev.seqserve."));
        parts.put(JSON, List.of("tools.jackson.", "com.fasterxml.jackson."));
        parts.put("validation (Hibernate Validator)", List.of("org.hibernate.validator.", "jakarta.validation."));
        parts.put("Spring Security", List.of("org.springframework.security."));
        parts.put("Spring MVC and web", List.of("org.springframework.web.", "org.springframework.http."));
        parts.put("other Spring", List.of("org.springframework."));
        parts.put("metrics and observation (Micrometer)", List.of("io.micrometer."));
        parts.put("Tomcat", List.of("org.apache."));
        parts.put("other libraries", List.of(""));
        return parts;
    }

    /** The parts reported, in order. */
    static List<String> partNames() {
        List<String> names = new ArrayList<>(PARTS.keySet());
        names.add("JDK only");
        return names;
    }

    /** Counts each window's request-thread samples by part. */
    static List<Result> read(Path recording, List<BatchReplay.Window> windows) throws IOException {
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Map<String, Integer> zero = new LinkedHashMap<>();
            partNames().forEach(p -> zero.put(p, 0));
            counts.add(zero);
        }
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedThread thread = event.getThread("sampledThread");
            if (thread == null || !isRequestThread(thread.getJavaName())) {
                continue;
            }
            Instant at = event.getStartTime();
            for (int i = 0; i < windows.size(); i++) {
                BatchReplay.Window w = windows.get(i);
                if (!at.isBefore(w.from()) && at.isBefore(w.to())) {
                    counts.get(i).merge(part(event.getStackTrace()), 1, Integer::sum);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            int samples = counts.get(i).values().stream().mapToInt(Integer::intValue).sum();
            results.add(new Result(windows.get(i).model(), windows.get(i).setup(), windows.get(i).concurrency(), samples, counts.get(i)));
        }
        return results;
    }

    /** Tomcat's request threads: platform ({@code http-nio-…-exec-…}) or virtual ({@code tomcat-handler-…}). */
    static boolean isRequestThread(String name) {
        return name != null && (name.contains("-exec-") || name.startsWith("tomcat-handler-"));
    }

    /** The part of the innermost frame that is not the JDK's own. */
    static String part(RecordedStackTrace stack) {
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.isJavaFrame() && frame.getMethod() != null && frame.getMethod().getType() != null) {
                    String type = frame.getMethod().getType().getName();
                    if (!isJdk(type)) {
                        return partOf(type);
                    }
                }
            }
        }
        return "JDK only";
    }

    static String partOf(String className) {
        for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
            for (String prefix : part.getValue()) {
                if (className.startsWith(prefix)) {
                    return part.getKey();
                }
            }
        }
        throw new IllegalStateException("unreachable: the last part takes every class");
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
