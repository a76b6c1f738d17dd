package dev.seqserve.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Checksums;
import dev.seqserve.artifact.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeriesCodecTest {

    /** Positive, trending and seasonal with period 12, like the airline series. */
    private static double[] seasonal(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 * Math.exp(0.01 * t) * (1 + 0.2 * Math.sin(2 * Math.PI * t / 12)) + 3 * Math.cos(1.7 * t);
        }
        return y;
    }

    private static SeriesCodec fit(List<String> transforms, String target, double[] train) {
        return SeriesCodec.fit(new SeriesCodec.Spec("monthly", 6, 14, transforms, "standard", target), train);
    }

    static List<Arguments> settings() {
        List<List<String>> transforms = List.of(List.of(), List.of("log"), List.of("difference:1"),
                List.of("log", "difference:12"), List.of("log", "difference:1", "difference:12"));
        return transforms.stream()
                .flatMap(t -> List.of(Arguments.of(t, "value"), Arguments.of(t, "change")).stream())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("settings")
    void decodingTheTrainingTargetsGivesBackTheFutureValues(List<String> transforms, String target) {
        double[] y = seasonal(80);
        SeriesCodec codec = fit(transforms, target, y);
        TrainingPairs pairs = codec.pairs(y);
        int lags = codec.minLength() - codec.window();
        assertThat(pairs.size()).isEqualTo(80 - lags - codec.window() - codec.maxHorizon() + 1);
        for (int p = 0; p < pairs.size(); p += 7) {
            int end = p + codec.minLength();
            float[] input = new float[codec.window()];
            codec.encode(y, end, input, 0);
            assertThat(input).containsExactly(pairs.inputs()[p]);
            double[] forecast = codec.decode(y, end, pairs.targets()[p], codec.maxHorizon());
            for (int h = 0; h < codec.maxHorizon(); h++) {
                // float targets carry about 7 significant digits; differences amplify that a little
                assertThat(forecast[h]).as("pair %d step %d", p, h).isCloseTo(y[end + h], within(1e-3 * Math.abs(y[end + h])));
            }
        }
    }

    @Test
    void minLengthIsTheWindowPlusTheDifferencingLags() {
        SeriesCodec codec = fit(List.of("log", "difference:1", "difference:12"), "value", seasonal(80));
        assertThat(codec.minLength()).isEqualTo(6 + 13);
        assertThat(codec.features()).isEqualTo(1);
        assertThat(codec.encode(seasonal(19))).hasSize(6);
        assertThatThrownBy(() -> codec.encode(seasonal(18))).hasMessageContaining("at least 19 values, got 18");
    }

    @Test
    void aZeroChangeOutputIsPersistenceOrLastSeason() {
        double[] y = seasonal(80);
        float[] zeros = new float[14];
        double[] persistence = fit(List.of(), "change", y).decode(y, zeros, 3);
        assertThat(persistence).containsExactly(y[79], y[79], y[79]);
        double[] lastYear = fit(List.of("difference:12"), "change", y).decode(y, zeros, 14);
        double lastChange = y[79] - y[67];
        assertThat(lastYear[0]).isCloseTo(y[68] + lastChange, within(1e-9));
        assertThat(lastYear[13]).isCloseTo(y[69] + 2 * lastChange, within(1e-9));
    }

    @Test
    void theManifestRebuildsAnIdenticalCodec(@TempDir Path dir) throws Exception {
        double[] y = seasonal(80);
        SeriesCodec codec = fit(List.of("log", "difference:12"), "change", y);
        Manifest.SeriesPreprocessing section = codec.toManifest();
        assertThat(section.transforms()).containsExactly("log", "difference:12");
        assertThat(section.strategy()).isEqualTo("direct");
        assertThat(section.target()).isEqualTo("change");

        Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3});
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "forecast-test", Manifest.Task.FORECAST, "gru", "1",
                "2025-01-01T00:00:00Z",
                new Manifest.OnnxModel("model.onnx", Checksums.sha256(dir.resolve("model.onnx")), 17,
                        List.of(new Manifest.TensorSpec("input", "float", List.of("batch", "6", "1"))),
                        List.of(new Manifest.TensorSpec("output", "float", List.of("batch", "14")))),
                null, section, List.of(), null);
        ArtifactFolder.writeManifest(dir, manifest);
        SeriesCodec reread = SeriesCodec.from(ArtifactFolder.open(dir).manifest().series());

        assertThat(reread.encode(y)).containsExactly(codec.encode(y));
        float[] output = {0.1f, -0.2f, 0.3f};
        assertThat(reread.decode(y, output, 3)).containsExactly(codec.decode(y, output, 3));
    }

    @Test
    void aManifestWithoutTargetMeansValue() {
        var section = new Manifest.SeriesPreprocessing("daily", 3, 2, "direct", List.of(), new StandardScaler(0, 1).toManifest());
        double[] y = {1, 2, 3};
        assertThat(SeriesCodec.from(section).decode(y, new float[] {5, 6}, 2)).containsExactly(5, 6);
    }

    @Test
    void badSettingsAndInputsAreRejectedWithTheReason() {
        double[] y = seasonal(80);
        assertThatThrownBy(() -> fit(List.of("sqrt"), "value", y)).hasMessageContaining("unknown transform \"sqrt\"");
        assertThatThrownBy(() -> fit(List.of("difference:0"), "value", y)).hasMessageContaining("lag of at least 1");
        assertThatThrownBy(() -> fit(List.of(), "ratio", y)).hasMessageContaining("unknown target \"ratio\"");
        SeriesCodec log = fit(List.of("log"), "value", y);
        double[] negative = y.clone();
        negative[79] = -1;
        assertThatThrownBy(() -> log.encode(negative)).hasMessageContaining("positive values");
        double[] nan = y.clone();
        nan[78] = Double.NaN;
        assertThatThrownBy(() -> log.encode(nan)).hasMessageContaining("value 78");
        assertThatThrownBy(() -> log.decode(y, new float[14], 15)).hasMessageContaining("between 1 and 14");
        var recursive = new Manifest.SeriesPreprocessing("daily", 3, 2, "recursive", List.of(),
                new StandardScaler(0, 1).toManifest());
        assertThatThrownBy(() -> SeriesCodec.from(recursive)).hasMessageContaining("unknown strategy");
    }
}
