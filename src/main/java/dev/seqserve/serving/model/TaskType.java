package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import dev.seqserve.preprocess.SeriesCodec;
import dev.seqserve.preprocess.TextEncoder;
import java.util.Locale;

/**
 * A task as callers lease its models: the manifest's task with the types of its preprocessing, queued
 * input and result, so a leased {@link ModelVersion} is typed without a cast at the call site.
 *
 * @param <P> the version's preprocessing (pure functions built from its manifest)
 * @param <I> one encoded input
 * @param <O> its result
 */
public final class TaskType<P, I, O> {

    /** Sentiment: encode with the version's own vocabulary, score token ids (and explain them when asked). */
    public static final TaskType<TextEncoder, TokenIds, TokenScore> SENTIMENT = new TaskType<>(Manifest.Task.SENTIMENT);
    /** Forecasts: encode a window with the version's codec, decode its outputs. */
    public static final TaskType<SeriesCodec, float[], float[]> FORECAST = new TaskType<>(Manifest.Task.FORECAST);

    private final Manifest.Task task;

    private TaskType(Manifest.Task task) {
        this.task = task;
    }

    /** The manifest's task. */
    public Manifest.Task task() {
        return task;
    }

    /** The task in lower case, as the API and metrics name it. */
    public String label() {
        return task.name().toLowerCase(Locale.ROOT);
    }
}
