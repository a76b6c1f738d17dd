package dev.seqserve.serving.sentiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.seqserve.serving.web.HasText;
import dev.seqserve.serving.web.Limit;
import dev.seqserve.serving.web.ProblemPayload;
import dev.seqserve.serving.web.WithinLimit;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /sentiment}: exactly one of {@code text} and {@code texts}.
 *
 * @param text one review
 * @param texts several reviews, answered in order
 * @param model the model's name; the default sentiment model when absent
 * @param version the version that must answer; whichever serves when absent
 * @param explain whether each result carries the weight of every token the model read
 */
public record SentimentRequest(
        @HasText @WithinLimit(Limit.TEXT_LENGTH) String text,
        @Size(min = 1, message = "must hold at least one text") @WithinLimit(Limit.TEXTS)
                List<@NotNull @HasText @WithinLimit(Limit.TEXT_LENGTH) String> texts,
        String model,
        String version,
        Boolean explain) {

    boolean explained() {
        return Boolean.TRUE.equals(explain);
    }

    /** A request with {@code texts}, as another protocol's endpoint builds it to check them by the same rules. */
    public static SentimentRequest ofTexts(List<String> texts, String model, String version) {
        return new SentimentRequest(null, texts, model, version, null);
    }

    @JsonIgnore
    @AssertTrue(message = "Give \"text\" or \"texts\"", payload = ProblemPayload.MissingField.class)
    boolean isTextOrTextsGiven() {
        return text != null || texts != null;
    }

    @JsonIgnore
    @AssertTrue(message = "Give \"text\" or \"texts\", not both")
    boolean isOnlyTextOrTexts() {
        return text == null || texts == null;
    }
}
