package dev.seqserve.serving.forecast;

import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /forecast}; the contract is in {@code openapi.yaml}. */
@RestController
class ForecastController {

    private final ForecastService service;

    ForecastController(ForecastService service) {
        this.service = service;
    }

    @PostMapping(path = "/forecast", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ForecastResponse forecast(@Valid @RequestBody ForecastRequest request) {
        return service.forecast(request);
    }
}
