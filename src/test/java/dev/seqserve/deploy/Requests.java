package dev.seqserve.deploy;

import java.util.Locale;
import java.util.StringJoiner;

/** Request bodies that follow the API contract (openapi.yaml), for the deployment tests. */
final class Requests {

    private Requests() {}

    static final String REVIEW = "A moving, beautifully acted film. The story drags a little in the middle, "
            + "but the ending is wonderful and I would gladly watch it again with friends.";

    static String sentiment() {
        return "{\"text\": \"" + REVIEW + "\"}";
    }

    /** A batch of {@code count} long reviews: enough work to keep a request in flight for a while. */
    static String sentimentBatch(int count) {
        String longReview = (REVIEW + " ").repeat(12).strip();
        StringJoiner texts = new StringJoiner(",", "{\"texts\": [", "]}");
        for (int i = 0; i < count; i++) {
            texts.add("\"" + longReview + "\"");
        }
        return texts.toString();
    }

    /**
     * Three years of plausible daily minimum temperatures (long enough for any window plus a yearly
     * seasonal difference), and a short horizon.
     */
    static String forecast(int horizon) {
        StringJoiner series = new StringJoiner(",", "[", "]");
        for (int day = 0; day < 3 * 365; day++) {
            double value = 11 + 4 * Math.sin(2 * Math.PI * day / 365.0) + 1.5 * Math.sin(day * 1.7);
            series.add(String.format(Locale.ROOT, "%.1f", value));
        }
        return "{\"series\": " + series + ", \"horizon\": " + horizon + ", \"model\": \"forecast-temperature\", "
                + "\"lastTimestamp\": \"1989-12-31\"}";
    }
}
