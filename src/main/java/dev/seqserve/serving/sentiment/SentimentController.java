package dev.seqserve.serving.sentiment;

import dev.seqserve.serving.model.Protocol;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /sentiment}; the contract is in {@code openapi.yaml}. */
@RestController
class SentimentController {

    private final SentimentService service;

    SentimentController(SentimentService service) {
        this.service = service;
    }

    /** Answers a {@link SentimentResponse} for {@code text}, a {@link SentimentBatchResponse} for {@code texts}. */
    @PostMapping(path = "/sentiment", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Object classify(@Valid @RequestBody SentimentRequest request) {
        if (request.text() != null) {
            SentimentService.Scored scored = service.score(Protocol.SEQSERVE, request.model(), request.version(),
                    List.of(request.text()), request.explained());
            return SentimentResponse.of(scored.results().get(0), scored.model());
        }
        SentimentService.Scored scored = service.score(Protocol.SEQSERVE, request.model(), request.version(),
                request.texts(), request.explained());
        return new SentimentBatchResponse(scored.results(), scored.model());
    }
}
