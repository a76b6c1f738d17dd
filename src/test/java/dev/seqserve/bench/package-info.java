/**
 * The throughput benchmark: raw in-process ONNX Runtime against the HTTP service under closed-loop
 * load from wrk, written up as markdown, JSON and a latency plot. Run by {@link dev.seqserve.bench.BenchmarkMain}.
 */
package dev.seqserve.bench;
