package dev.seqserve.serving.model;

import ai.onnxruntime.OrtEnvironment;
import dev.seqserve.artifact.Manifest;
import dev.seqserve.serving.SeqserveProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model the service serves, loaded and verified at start-up from the sub-folders of
 * {@code seqserve.models.location}; warm once {@link #warmUp()} has run one inference on each.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final Map<String, ServedModel> models;
    private final Map<Manifest.Task, String> defaults;
    private volatile boolean warm;

    private ModelRegistry(Map<String, ServedModel> models, Map<Manifest.Task, String> defaults) {
        this.models = Collections.unmodifiableMap(models);
        this.defaults = Collections.unmodifiableMap(defaults);
    }

    /**
     * Loads every model folder under the configured location, in name order.
     *
     * @throws dev.seqserve.artifact.ArtifactException naming the folder, file and reason of the first bad artifact
     * @throws ModelLocationException when the location is not a folder or holds no model
     */
    public static ModelRegistry load(SeqserveProperties properties, ModelMetrics metrics) {
        Path location = properties.models().location().toAbsolutePath().normalize();
        List<Path> folders = modelFolders(location);
        ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), properties, metrics);
        Map<String, ServedModel> models = new TreeMap<>();
        try {
            for (Path folder : folders) {
                ServedModel model = loader.load(folder);
                models.put(model.name(), model);
                log.info("Loaded model {} ({} {}, version {}) from {}", model.name(), model.task().name().toLowerCase(java.util.Locale.ROOT),
                        model.manifest().architecture(), model.manifest().version(), folder);
            }
        } catch (RuntimeException e) {
            models.values().forEach(ServedModel::close);
            throw e;
        }
        Map<Manifest.Task, String> defaults = new EnumMap<>(Manifest.Task.class);
        chooseDefault(models, Manifest.Task.SENTIMENT, properties.sentiment().defaultModel(), defaults);
        chooseDefault(models, Manifest.Task.FORECAST, properties.forecast().defaultModel(), defaults);
        return new ModelRegistry(models, defaults);
    }

    private static List<Path> modelFolders(Path location) {
        if (!Files.isDirectory(location)) {
            throw new ModelLocationException("Model artifacts folder " + location
                    + " does not exist or is not a folder (set seqserve.models.location)");
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(location)) {
            folders = children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location, e);
        }
        if (folders.isEmpty()) {
            throw new ModelLocationException("Model artifacts folder " + location + " holds no model folders");
        }
        return folders;
    }

    private static void chooseDefault(Map<String, ServedModel> models, Manifest.Task task, String configured,
            Map<Manifest.Task, String> defaults) {
        ServedModel chosen = configured == null ? null : models.get(configured);
        if (chosen != null && chosen.task() == task) {
            defaults.put(task, configured);
            return;
        }
        models.values().stream().filter(m -> m.task() == task).findFirst().ifPresent(m -> {
            log.warn("Default {} model {} is not loaded; using {}", task.name().toLowerCase(java.util.Locale.ROOT), configured, m.name());
            defaults.put(task, m.name());
        });
    }

    /** Every model, in name order. */
    public List<ServedModel> all() {
        return new ArrayList<>(models.values());
    }

    /** The model of that name, if loaded. */
    public Optional<ServedModel> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The name of the model a request of that task gets when it names none, if any is loaded. */
    public Optional<String> defaultModel(Manifest.Task task) {
        return Optional.ofNullable(defaults.get(task));
    }

    /**
     * @param name a model name, or {@code null} for the default sentiment model
     * @throws UnknownModelException when no such model is loaded
     * @throws WrongModelTaskException when the model is not a sentiment model
     */
    public SentimentModel sentiment(String name) {
        return (SentimentModel) resolve(name, Manifest.Task.SENTIMENT);
    }

    /**
     * @param name a model name, or {@code null} for the default forecast model
     * @throws UnknownModelException when no such model is loaded
     * @throws WrongModelTaskException when the model is not a forecast model
     */
    public ForecastModel forecast(String name) {
        return (ForecastModel) resolve(name, Manifest.Task.FORECAST);
    }

    private ServedModel resolve(String name, Manifest.Task task) {
        if (name == null) {
            String fallback = defaults.get(task);
            if (fallback == null) {
                throw new UnknownModelException("No " + task.name().toLowerCase(java.util.Locale.ROOT) + " model is loaded.");
            }
            return models.get(fallback);
        }
        ServedModel model = models.get(name);
        if (model == null) {
            throw UnknownModelException.named(name);
        }
        if (model.task() != task) {
            throw new WrongModelTaskException(name, model.task(), task);
        }
        return model;
    }

    /**
     * Runs one inference on every model, straight on its session.
     *
     * @throws dev.seqserve.artifact.ArtifactException when a model cannot run
     */
    public void warmUp() {
        for (ServedModel model : models.values()) {
            long start = System.nanoTime();
            model.warmUp();
            log.info("Warmed up model {} in {} ms", model.name(), (System.nanoTime() - start) / 1_000_000);
        }
        warm = true;
    }

    /** Whether every model has run its warm-up inference. */
    public boolean isWarm() {
        return warm;
    }

    /** Closes every model: queues first, then sessions once their runs have drained. */
    @Override
    public void close() {
        warm = false;
        models.values().forEach(ServedModel::close);
        log.info("Closed {} models", models.size());
    }
}
