package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.ArtifactFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules for which version of a model serves, and how a version gets there: at start-up the pinned
 * version, or else the newest that verifies, loads and warms up; on a reload the pinned or newest
 * version, which must pass the same steps before it takes over (and never serves otherwise); on a pin
 * the named one. Every refused version is recorded with its reason and counted.
 */
final class ModelLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelLifecycle.class);

    private final ModelLoader loader;
    private final ModelMetrics metrics;
    private final Path location;

    ModelLifecycle(ModelLoader loader, ModelMetrics metrics, Path location) {
        this.loader = loader;
        this.metrics = metrics;
        this.location = location;
    }

    /**
     * Serves the pinned version, or the newest one that works, of the model in {@code folder}.
     *
     * @throws ArtifactException the newest candidate's failure when none works
     * @throws ModelLocationException when the pinned version is not in the folder
     */
    ServedModel start(Path folder, String pinned) {
        List<VersionOnDisk> found = ModelFolder.scan(folder);
        if (found.isEmpty()) {
            ArtifactFolder.open(folder); // throws the canonical "manifest.json: missing"
        }
        List<VersionOnDisk> candidates = new ArrayList<>(found);
        java.util.Collections.reverse(candidates);
        if (pinned != null) {
            candidates = candidates.stream().filter(v -> v.version().equals(pinned)).toList();
            if (candidates.isEmpty()) {
                throw new ModelLocationException("Model " + folder.getFileName() + " is pinned to version " + pinned
                        + " (seqserve.models.pins), which " + folder + " does not hold");
            }
        }
        List<VersionFailure> refused = new ArrayList<>();
        ArtifactException first = null;
        for (VersionOnDisk candidate : candidates) {
            try {
                ModelVersion<?, ?, ?> version = ready(candidate, null);
                ServedModel model = new ServedModel(folder, version, candidate.fingerprint(), found, pinned);
                for (int i = 0; i < refused.size(); i++) {
                    model.failed(candidates.get(i).version(), refused.get(i));
                }
                return model;
            } catch (Refused e) {
                refused.add(e.failure);
                first = first == null ? e.cause : first;
            }
        }
        throw first;
    }

    /**
     * Serves the pinned version, or else the newest on disk, if it is not serving already.
     *
     * @throws VersionFailedException when that version fails a step; the serving one stays
     */
    void reload(ServedModel model) {
        model.changes.lock();
        try {
            List<VersionOnDisk> found = ModelFolder.scan(model.folder());
            model.onDisk(found);
            String pinned = model.pinned().orElse(null);
            VersionOnDisk target = pinned == null ? (found.isEmpty() ? null : found.get(found.size() - 1))
                    : find(found, pinned);
            if (target == null) {
                VersionFailure none = new VersionFailure(VersionFailure.VERIFY, ".", pinned == null
                        ? "the model's folder holds no version" : "the pinned version is no longer on disk",
                        "", java.time.Instant.now());
                throw refusal(model, pinned == null ? "(none)" : pinned, none);
            }
            switchTo(model, target);
        } finally {
            model.changes.unlock();
        }
    }

    /**
     * Serves {@code version} and keeps it serving through reloads.
     *
     * @throws UnknownVersionException when the folder does not hold it
     * @throws VersionFailedException when it fails a step; the serving one stays and the pin is unchanged
     */
    void pin(ServedModel model, String version) {
        model.changes.lock();
        try {
            List<VersionOnDisk> found = ModelFolder.scan(model.folder());
            model.onDisk(found);
            VersionOnDisk target = find(found, version);
            if (target == null) {
                throw UnknownVersionException.notOnDisk(model.name(), version);
            }
            switchTo(model, target);
            model.pin(version);
        } finally {
            model.changes.unlock();
        }
    }

    /** Drops the pin, then reloads (so the newest version serves). */
    void unpin(ServedModel model) {
        model.changes.lock();
        try {
            model.pin(null);
            reload(model);
        } finally {
            model.changes.unlock();
        }
    }

    /**
     * Reloads a model whose folder has changed since it was last scanned (a version placed, removed or
     * rewritten); a refused version is logged and counted, not thrown.
     *
     * @return whether the folder had changed
     */
    boolean reloadIfChanged(ServedModel model) {
        model.changes.lock();
        try {
            String before = ModelFolder.fingerprint(model.onDisk());
            if (before.equals(ModelFolder.fingerprint(ModelFolder.scan(model.folder())))) {
                return false;
            }
            try {
                reload(model);
            } catch (VersionFailedException e) {
                // logged and counted where it was refused; the serving version stays
            }
            return true;
        } finally {
            model.changes.unlock();
        }
    }

    private void switchTo(ServedModel model, VersionOnDisk target) {
        ModelVersion<?, ?, ?> current = model.serving();
        if (target.version().equals(current.ref().version()) && target.fingerprint().equals(model.servingFingerprint())) {
            return;
        }
        ModelVersion<?, ?, ?> next;
        try {
            next = ready(target, model);
        } catch (Refused e) {
            model.failed(target.version(), e.failure);
            throw refusal(model, target.version(), e.failure);
        }
        model.switchTo(next, target.fingerprint());
        log.info("Model {}: version {} serves, version {} drains and closes", model.name(), target.version(),
                current.ref().version());
    }

    /** Verifies, loads and warms up a candidate; {@code model} is the model it must join, if any. */
    private ModelVersion<?, ?, ?> ready(VersionOnDisk candidate, ServedModel model) {
        String stage = VersionFailure.VERIFY;
        ModelVersion<?, ?, ?> version = null;
        try {
            if (candidate.unreadable() != null) {
                throw candidate.unreadable();
            }
            ArtifactFolder artifact = loader.verify(candidate);
            if (model != null && artifact.manifest().task() != model.task()) {
                throw new ArtifactException(candidate.folder(), ArtifactFolder.MANIFEST_FILE, "is a "
                        + lower(artifact.manifest().task()) + " model; this model does " + lower(model.task()));
            }
            stage = VersionFailure.LOAD;
            version = loader.build(artifact);
            stage = VersionFailure.WARM_UP;
            long start = System.nanoTime();
            version.warmUp();
            log.info("Model {} version {} loaded and warmed up in {} ms from {}", candidate.model(),
                    candidate.version(), (System.nanoTime() - start) / 1_000_000, candidate.folder());
            return version;
        } catch (RuntimeException e) {
            if (version != null) {
                version.close();
            }
            ArtifactException cause = e instanceof ArtifactException artifact ? artifact
                    : new ArtifactException(candidate.folder(), ".", e.toString(), e);
            log.warn("Model {} version {} refused at {}: {}", candidate.model(), candidate.version(), stage,
                    cause.getMessage());
            metrics.versionFailed(candidate.model(), stage);
            throw new Refused(VersionFailure.of(stage, cause, location, candidate.fingerprint()), cause);
        }
    }

    private static VersionFailedException refusal(ServedModel model, String version, VersionFailure failure) {
        return new VersionFailedException(model.name(), version, failure, model.serving().ref().version());
    }

    private static VersionOnDisk find(List<VersionOnDisk> found, String version) {
        return found.stream().filter(v -> v.version().equals(version)).findFirst().orElse(null);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A candidate that failed a step, with what to record and what to throw at start-up. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient VersionFailure failure;
        private final ArtifactException cause;

        Refused(VersionFailure failure, ArtifactException cause) {
            super(null, cause, false, false);
            this.failure = failure;
            this.cause = cause;
        }
    }
}
