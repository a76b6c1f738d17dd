package dev.seqserve.serving;

import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.testing.TinyArtifacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One model folder per test JVM holding tiny, valid fixture models (seeded random weights) that
 * every Spring context of the serving tests loads, so those contexts can be shared.
 */
public final class FixtureModels {

    /** An LSTM sentiment fixture, the configured default. */
    public static final String SENTIMENT_LSTM = "tiny-sentiment-lstm";
    /** A GRU sentiment fixture. */
    public static final String SENTIMENT_GRU = "tiny-sentiment-gru";
    /** A forecast fixture without transforms, the configured default. */
    public static final String FORECAST = "tiny-forecast";
    /** A forecast fixture whose series goes through a log transform, so it needs positive values. */
    public static final String FORECAST_LOG = "tiny-forecast-log";
    /** A forecast fixture with calibrated intervals that reads the calendar, so requests must give a date. */
    public static final String FORECAST_CALENDAR = "tiny-forecast-calendar";
    /** The forecast fixtures' window, which is also their minimum series length. */
    public static final int WINDOW = 8;
    /** The forecast fixtures' maximum horizon. */
    public static final int MAX_HORIZON = 4;

    /** An admin token for fixture contexts that turn the admin API on ({@code seqserve.admin.token}). */
    public static final String ADMIN_TOKEN = "fixture-admin-token-0123456789";
    /** {@link #ADMIN_TOKEN} as an {@code Authorization} header value. */
    public static final String ADMIN_BEARER = "Bearer " + ADMIN_TOKEN;

    private static Path folder;

    private FixtureModels() {}

    /** The folder, written on first use and deleted when the JVM exits. */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = write(Files.createTempDirectory("seqserve-fixtures"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
        }
        return folder;
    }

    /** Spring properties that serve the fixtures with their defaults. */
    public static List<String> properties() {
        return List.of(
                "seqserve.models.location=" + folder(),
                "seqserve.sentiment.default-model=" + SENTIMENT_LSTM,
                "seqserve.forecast.default-model=" + FORECAST);
    }

    /** Writes the fixture models into {@code parent} and returns it. */
    public static Path write(Path parent) throws IOException {
        TinyArtifacts.sentiment(parent, SENTIMENT_LSTM, "LSTM");
        TinyArtifacts.sentiment(parent, SENTIMENT_GRU, "GRU");
        TinyArtifacts.forecast(parent, FORECAST, "LSTM", WINDOW, MAX_HORIZON, 0, TinyArtifacts.calibration(MAX_HORIZON));
        TinyArtifacts.forecast(parent, FORECAST_CALENDAR, "GRU", WINDOW, MAX_HORIZON, 1,
                TinyArtifacts.calibration(MAX_HORIZON));
        Path log = TinyArtifacts.forecast(parent, FORECAST_LOG, "GRU", WINDOW, MAX_HORIZON);
        Manifest m = ArtifactFolder.open(log).manifest();
        Manifest.SeriesPreprocessing s = m.series();
        Manifest.SeriesPreprocessing withLog = new Manifest.SeriesPreprocessing(s.frequency(), s.window(),
                s.maxHorizon(), s.strategy(), List.of("log"), new Manifest.Scaler("standard",
                        java.util.Map.of("mean", 2.0, "std", 0.5)), s.target());
        ArtifactFolder.writeManifest(log, new Manifest(m.formatVersion(), m.name(), m.task(), m.architecture(),
                m.version(), m.created(), m.onnx(), m.text(), withLog, m.metrics(), m.training()));
        return parent;
    }

    /** Deletes a folder tree, ignoring what cannot be deleted. */
    public static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder; the OS cleans up what is left
        }
    }
}
