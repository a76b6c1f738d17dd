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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model the service serves, one per sub-folder of {@code seqserve.models.location}, each
 * verified, loaded and warmed up at start-up; {@link #open()} then lets readiness report UP. Requests
 * {@link #lease} a model's serving version; {@link #reload}, {@link #pin} and {@link #unpin} change
 * which version serves while requests go on.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    private final Map<String, ServedModel> models;
    private final Map<Manifest.Task, String> defaults;
    private final ModelLifecycle lifecycle;
    private volatile boolean open;

    private ModelRegistry(Map<String, ServedModel> models, Map<Manifest.Task, String> defaults, ModelLifecycle lifecycle) {
        this.models = Collections.unmodifiableMap(models);
        this.defaults = Collections.unmodifiableMap(defaults);
        this.lifecycle = lifecycle;
    }

    /**
     * Loads every model folder under the configured location, in name order.
     *
     * @param listener told about every session opened, run and closed (the metrics among others)
     * @throws dev.seqserve.artifact.ArtifactException naming the folder, file and reason of a model none
     *     of whose versions works
     * @throws ModelLocationException when the location is not a folder or holds no model
     */
    public static ModelRegistry load(SeqserveProperties properties, ModelMetrics metrics, SessionListener listener) {
        Path location = properties.models().location().toAbsolutePath().normalize();
        List<Path> folders = modelFolders(location);
        ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), properties, metrics, listener);
        ModelLifecycle lifecycle = new ModelLifecycle(loader, metrics, location);
        Map<String, ServedModel> models = new TreeMap<>();
        try {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                ServedModel model = lifecycle.start(folder, properties.models().pins().get(name));
                models.put(model.name(), model);
                log.info("Serving model {} ({} {}, version {})", model.name(), lower(model.task()),
                        model.serving().manifest().architecture(), model.serving().ref().version());
            }
        } catch (RuntimeException e) {
            models.values().forEach(ServedModel::close);
            throw e;
        }
        Map<Manifest.Task, String> defaults = new EnumMap<>(Manifest.Task.class);
        chooseDefault(models, Manifest.Task.SENTIMENT, properties.sentiment().defaultModel(), defaults);
        chooseDefault(models, Manifest.Task.FORECAST, properties.forecast().defaultModel(), defaults);
        return new ModelRegistry(models, defaults, lifecycle);
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
            log.warn("Default {} model {} is not loaded; using {}", lower(task), configured, m.name());
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
     * Leases the serving version of a model for one request; close the lease when the request is done.
     *
     * @param name a model name, or {@code null} for the task's default model
     * @param version the version the request asks for, or {@code null} for whichever serves
     * @throws UnknownModelException when no such model is loaded
     * @throws WrongModelTaskException when the model does another task
     * @throws UnknownVersionException when {@code version} is not the one serving
     */
    public <P, I, O> ModelLease<P, I, O> lease(TaskType<P, I, O> type, String name, String version) {
        String resolved = name != null ? name : defaults.get(type.task());
        if (resolved == null) {
            throw new UnknownModelException("No " + type.label() + " model is loaded.");
        }
        return model(resolved).lease(type, version);
    }

    /**
     * Serves the model's pinned version, or else its newest, once it has verified, loaded and warmed up.
     *
     * @throws UnknownModelException when no such model is loaded
     * @throws VersionFailedException when that version fails; the serving one stays
     */
    public ServedModel reload(String name) {
        ServedModel model = model(name);
        lifecycle.reload(model);
        return model;
    }

    /**
     * Serves a named version and keeps it through reloads (a rollback).
     *
     * @throws UnknownVersionException when the model's folder does not hold it
     * @throws VersionFailedException when it fails; the serving one stays
     */
    public ServedModel pin(String name, String version) {
        ServedModel model = model(name);
        lifecycle.pin(model, version);
        return model;
    }

    /** Drops a model's pin and reloads, so that its newest version serves. */
    public ServedModel unpin(String name) {
        ServedModel model = model(name);
        lifecycle.unpin(model);
        return model;
    }

    /** Reloads every model whose folder changed since it was last scanned (the folder poll). */
    public void reloadChanged() {
        models.values().forEach(lifecycle::reloadIfChanged);
    }

    /**
     * The model of that name.
     *
     * @throws UnknownModelException when no such model is loaded
     */
    public ServedModel model(String name) {
        ServedModel model = models.get(name);
        if (model == null) {
            throw UnknownModelException.named(name);
        }
        return model;
    }

    /** Lets readiness report UP: every model has loaded and run its warm-up. */
    public void open() {
        open = true;
    }

    /** Whether {@link #open()} has been called and {@link #close()} has not. */
    public boolean isOpen() {
        return open;
    }

    /** Closes every model's serving version: queue first, then session once its runs have drained. */
    @Override
    public void close() {
        open = false;
        models.values().forEach(ServedModel::close);
        log.info("Closed {} models", models.size());
    }

    private static String lower(Manifest.Task task) {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
