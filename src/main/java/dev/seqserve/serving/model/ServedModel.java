package dev.seqserve.serving.model;

import dev.seqserve.artifact.Manifest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One model by name: the version serving it, the versions its folder holds, which of them failed and
 * why, and the pin. Requests {@link #lease} the serving version; a switch to another version is atomic
 * for new requests, while leases on the old one finish there before it closes.
 */
public final class ServedModel {

    private final String name;
    private final Manifest.Task task;
    private final Path folder;
    private final AtomicReference<ModelVersion<?, ?, ?>> serving;
    private final Map<String, VersionFailure> failures = new ConcurrentHashMap<>();
    /** Held while a reload, pin or poll changes what serves, so they happen one at a time. */
    final ReentrantLock changes = new ReentrantLock();
    private volatile String servingFingerprint;
    private volatile List<VersionOnDisk> onDisk;
    private volatile String pinned;

    ServedModel(Path folder, ModelVersion<?, ?, ?> first, String fingerprint, List<VersionOnDisk> onDisk, String pinned) {
        this.name = first.manifest().name();
        this.task = first.manifest().task();
        this.folder = folder;
        this.serving = new AtomicReference<>(first);
        this.servingFingerprint = fingerprint;
        this.onDisk = List.copyOf(onDisk);
        this.pinned = pinned;
    }

    /** The model's name. */
    public String name() {
        return name;
    }

    /** The model's task, the same for every version. */
    public Manifest.Task task() {
        return task;
    }

    /** The version serving now. */
    public ModelVersion<?, ?, ?> serving() {
        return serving.get();
    }

    /**
     * The version serving now, which must be the one a request names.
     *
     * @param version the version the request asks for, or {@code null} for whichever serves
     * @throws UnknownVersionException when {@code version} is not the one serving
     */
    public ModelVersion<?, ?, ?> serving(String version) {
        ModelVersion<?, ?, ?> current = serving.get();
        requireServes(current, version);
        return current;
    }

    /** The version a reload keeps serving, when one is pinned. */
    public Optional<String> pinned() {
        return Optional.ofNullable(pinned);
    }

    /**
     * Leases the serving version for one request.
     *
     * @param version the version the request asks for, or {@code null} for whichever serves
     * @throws WrongModelTaskException when the model does another task
     * @throws UnknownVersionException when {@code version} is not the one serving
     * @throws RejectedExecutionException when the model has been shut down
     */
    <P, I, O> ModelLease<P, I, O> lease(TaskType<P, I, O> type, String version) {
        if (task != type.task()) {
            throw new WrongModelTaskException(name, task, type.task());
        }
        while (true) {
            ModelVersion<?, ?, ?> current = serving.get();
            requireServes(current, version);
            if (current.retain()) {
                @SuppressWarnings("unchecked") // the task check above fixes P, I and O
                ModelVersion<P, I, O> typed = (ModelVersion<P, I, O>) current;
                return new ModelLease<>(typed);
            }
            if (serving.get() == current) {
                throw new RejectedExecutionException("model " + name + " is shut down");
            }
            // it was replaced and drained between the two reads: lease its successor
        }
    }

    private void requireServes(ModelVersion<?, ?, ?> current, String version) {
        if (version != null && !current.ref().version().equals(version)) {
            throw UnknownVersionException.notServing(name, version, current.ref().version());
        }
    }

    /** Every version on disk, newest first, with its state; the serving one even if its folder is gone. */
    public List<VersionState> versions() {
        ModelVersion<?, ?, ?> current = serving.get();
        String servingVersion = current.ref().version();
        List<VersionState> states = new ArrayList<>();
        boolean servingListed = false;
        List<VersionOnDisk> found = onDisk;
        for (int i = found.size() - 1; i >= 0; i--) {
            VersionOnDisk v = found.get(i);
            String created = v.created() == null || v.created().equals(Instant.MIN) ? null : v.created().toString();
            VersionFailure failure = failureOf(v);
            if (v.version().equals(servingVersion) && !servingListed) {
                states.add(VersionState.serving(v.version(), created));
                servingListed = true;
            } else if (failure != null) {
                states.add(VersionState.failed(v.version(), created, failure));
            } else {
                states.add(VersionState.available(v.version(), created));
            }
        }
        if (!servingListed) {
            states.add(0, VersionState.serving(servingVersion, current.manifest().created()));
        }
        return states;
    }

    Path folder() {
        return folder;
    }

    List<VersionOnDisk> onDisk() {
        return onDisk;
    }

    void onDisk(List<VersionOnDisk> found) {
        onDisk = List.copyOf(found);
    }

    String servingFingerprint() {
        return servingFingerprint;
    }

    void pin(String version) {
        pinned = version;
    }

    /** The failure recorded for {@code v}, unless its files have changed since. */
    VersionFailure failureOf(VersionOnDisk v) {
        VersionFailure failure = failures.get(v.version());
        return failure != null && failure.fingerprint().equals(v.fingerprint()) ? failure : null;
    }

    void failed(String version, VersionFailure failure) {
        failures.put(version, failure);
    }

    /** Serves {@code next} from now on; the previous version closes once its last lease is released. */
    void switchTo(ModelVersion<?, ?, ?> next, String fingerprint) {
        failures.remove(next.ref().version());
        servingFingerprint = fingerprint;
        serving.getAndSet(next).release();
    }

    /** Closes the serving version now, whatever still holds it (shutdown, after the web server has drained). */
    void close() {
        serving.get().close();
    }
}
