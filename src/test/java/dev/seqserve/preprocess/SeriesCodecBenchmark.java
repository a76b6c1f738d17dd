package dev.seqserve.preprocess;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the {@code /forecast} hot path on a year of daily values: standard scaling, encoding the model
 * input (plain and differenced) and decoding a 7-step output back to the series' units.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SeriesCodecBenchmark {

    private double[] request;
    private StandardScaler scaler;
    private SeriesCodec plain;
    private SeriesCodec differenced;
    private final float[] modelOutput = {0.1f, -0.2f, 0.3f, 0.05f, -0.1f, 0.2f, 0f};

    @Setup
    public void fit() {
        double[] history = new double[3_285];
        Random random = new Random(3);
        for (int t = 0; t < history.length; t++) {
            history[t] = 11 + 4 * Math.sin(2 * Math.PI * t / 365.25) + random.nextGaussian();
        }
        scaler = StandardScaler.fit(history);
        plain = SeriesCodec.fit(new SeriesCodec.Spec("daily", 30, 7, List.of(), "standard", "value"), history);
        differenced = SeriesCodec.fit(
                new SeriesCodec.Spec("daily", 30, 7, List.of("difference:1"), "standard", "change"), history);
        request = java.util.Arrays.copyOfRange(history, history.length - 365, history.length);
    }

    @Benchmark
    public double[] standardScaleYear() {
        double[] scaled = new double[request.length];
        for (int i = 0; i < request.length; i++) {
            scaled[i] = scaler.scale(request[i]);
        }
        return scaled;
    }

    @Benchmark
    public float[] encode() {
        return plain.encode(request);
    }

    @Benchmark
    public float[] encodeDifferenced() {
        return differenced.encode(request);
    }

    @Benchmark
    public double[] decode() {
        return plain.decode(request, modelOutput, 7);
    }
}
