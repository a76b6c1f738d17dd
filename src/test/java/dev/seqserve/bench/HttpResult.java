package dev.seqserve.bench;

import java.util.Map;

/**
 * One load level against the service.
 *
 * @param endpoint the path, such as {@code /sentiment}
 * @param model the model named in every request
 * @param setup {@code micro-batching} (the service as configured) or {@code per-request} (the baseline)
 * @param concurrency requests in flight at once (closed loop)
 * @param requests requests completed while measuring, errors included
 * @param errors requests that failed or were not answered 200
 * @param errorsByKind the errors by HTTP status or exception
 * @param seconds how long the measured part took
 * @param requestsPerSecond successful requests per second
 * @param latency latency of the successful requests
 * @param loadCpuMsPerRequest the load generator's own CPU milliseconds per request (it shares the
 *     machine's cores with the service); NaN when not measured (not on Linux)
 * @param cpuMsPerRequest the service's CPU milliseconds per request by thread role while the level ran;
 *     empty when not measured (a service given by URL, or not on Linux)
 */
record HttpResult(String endpoint, String model, String setup, int concurrency, long requests, long errors,
        Map<String, Long> errorsByKind, double seconds, double requestsPerSecond, LatencyStats latency,
        double loadCpuMsPerRequest, Map<ThreadCpu.Role, Double> cpuMsPerRequest) {

    /** The service's CPU milliseconds per request over all thread roles; 0 when not measured. */
    double serviceCpuMsPerRequest() {
        return cpuMsPerRequest.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    HttpResult withCpu(Map<ThreadCpu.Role, Double> cpu) {
        return new HttpResult(endpoint, model, setup, concurrency, requests, errors, errorsByKind, seconds,
                requestsPerSecond, latency, loadCpuMsPerRequest, cpu);
    }
}
