package dev.seqserve.serving.v2;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** Builds V2 inference request bodies for the tests. */
final class V2Bodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private V2Bodies() {}

    /** A sentiment request: input {@code text}, {@code BYTES}, shape {@code [n]}. */
    static String texts(List<String> texts) {
        return JSON.writeValueAsString(Map.of("inputs", List.of(input("text", "BYTES", new long[] {texts.size()}, texts))));
    }

    /** A forecast request: input {@code series} of n rows of one length, nested, and the horizon. */
    static String series(String datatype, double[][] rows, int horizon) {
        return series(datatype, rows, horizon, null);
    }

    /** The same with the date of the series' last value as the parameter {@code lastTimestamp}, when not null. */
    static String series(String datatype, double[][] rows, int horizon, String lastTimestamp) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", lastTimestamp == null ? Map.of("horizon", horizon)
                : Map.of("horizon", horizon, "lastTimestamp", lastTimestamp));
        body.put("inputs", List.of(input("series", datatype, new long[] {rows.length, rows.length == 0 ? 0 : rows[0].length},
                rows)));
        return JSON.writeValueAsString(body);
    }

    /** The same request with the rows flattened, row-major. */
    static String flatSeries(String datatype, double[][] rows, int horizon) {
        double[] flat = Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parameters", Map.of("horizon", horizon));
        body.put("inputs", List.of(input("series", datatype, new long[] {rows.length, rows[0].length}, flat)));
        return JSON.writeValueAsString(body);
    }

    static Map<String, Object> input(String name, String datatype, long[] shape, Object data) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("datatype", datatype);
        input.put("shape", shape);
        input.put("data", data);
        return input;
    }

    /** A JSON array of numbers, as written by hand. */
    static String numbers(double... values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
