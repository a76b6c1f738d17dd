package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import java.nio.file.Path;

/** A loaded, verified model with its own session and queue. */
public sealed interface ServedModel extends AutoCloseable permits SentimentModel, ForecastModel {

    /** The verified manifest. */
    Manifest manifest();

    /** The artifact folder it was loaded from. */
    Path folder();

    /** The model's name. */
    default String name() {
        return manifest().name();
    }

    /** The model's task. */
    default Manifest.Task task() {
        return manifest().task();
    }

    /** The name and version an answer reports. */
    default ModelRef ref() {
        return new ModelRef(manifest().name(), manifest().version());
    }

    /**
     * Runs one inference straight on the session, bypassing the queue.
     *
     * @throws dev.seqserve.artifact.ArtifactException when the graph cannot run or answers in the wrong shape
     */
    void warmUp();

    /** Stops the queue, then closes the session once its runs have drained. */
    @Override
    void close();
}
