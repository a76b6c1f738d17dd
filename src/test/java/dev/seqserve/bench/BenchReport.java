package dev.seqserve.bench;

import java.util.List;

/**
 * Everything one benchmark run measured, as written to {@code benchmark.json}.
 *
 * @param created when the run ended (ISO-8601)
 * @param command how to repeat it
 * @param environment the machine and settings
 * @param inputs the data sent
 * @param raw part (a): ONNX Runtime on its own
 * @param http parts (b) and (c): the service under load
 * @param replays the service's own batches of each measured {@code /sentiment} level, replayed
 * @param profiles where the request threads' samples fell in each measured {@code /sentiment} level
 * @param acceptance issue 4's measurable acceptance criteria, checked against these numbers
 */
record BenchReport(String created, String command, Environment environment, Inputs inputs, List<RawResult> raw,
        List<HttpResult> http, List<BatchReplay.Result> replays, List<RequestThreadProfile.Result> profiles,
        List<Check> acceptance) {

    /**
     * The machine and settings of a run.
     *
     * @param java the JVM running the benchmark (and the service)
     * @param os the operating system
     * @param cores processors available to the JVM
     * @param intraOpThreads ONNX Runtime intra-op threads of the raw sessions
     * @param batchSize the raw batch size
     * @param models where the artifacts came from
     * @param fixtures whether the models are small fixtures rather than trained models
     * @param serviceArgs extra arguments the service was started with
     * @param loadGenerator the HTTP load generator and its version, or {@code none}
     */
    record Environment(String java, String os, int cores, int intraOpThreads, int batchSize, String models,
            boolean fixtures, List<String> serviceArgs, String loadGenerator) {
    }

    /**
     * The data sent.
     *
     * @param reviews where the review texts came from
     * @param meanTokens the mean token count the model reads per review (after truncation)
     * @param p50Tokens the median token count
     * @param maxTokens the largest token count
     * @param series per forecast model, what its {@code /forecast} requests send
     */
    record Inputs(String reviews, double meanTokens, int p50Tokens, int maxTokens, List<Series> series) {
    }

    /**
     * What one forecaster's requests send.
     *
     * @param model the forecast model
     * @param source where the series came from
     * @param length values per request
     * @param horizon steps asked for per request
     */
    record Series(String model, String source, int length, int horizon) {
    }

    /**
     * One acceptance criterion.
     *
     * @param criterion what the issue asks
     * @param measured what this run measured
     * @param pass whether it holds; {@code null} when it could not be measured
     */
    record Check(String criterion, String measured, Boolean pass) {
    }
}
