package dev.seqserve.serving;

import dev.seqserve.artifact.ArtifactFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places versions of a model for lifecycle tests: a copy of an artifact folder as
 * {@code <model folder>/<version>/}, its manifest's {@code version} and {@code created} rewritten (as a
 * JSON tree, so every other manifest field stays as the artifact had it), placed atomically by a
 * rename from a dot-folder as a publisher should.
 */
public final class VersionFolders {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VersionFolders() {}

    /** Copies {@code artifact} to {@code modelFolder/version} as that version, trained at {@code created}. */
    public static Path place(Path modelFolder, Path artifact, String version, Instant created) {
        return place(modelFolder, artifact, version, created, folder -> { });
    }

    /**
     * As {@link #place(Path, Path, String, Instant)}, with {@code damage} applied to the copy before it
     * appears under its name.
     */
    public static Path place(Path modelFolder, Path artifact, String version, Instant created, Consumer<Path> damage) {
        try {
            Path staging = modelFolder.resolve("." + version + ".incoming");
            Files.createDirectories(staging);
            try (Stream<Path> files = Files.list(artifact)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, staging.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            editManifest(staging, manifest -> manifest.put("version", version).put("created", created.toString()));
            damage.accept(staging);
            Path target = modelFolder.resolve(version);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites a folder's {@code manifest.json} through {@code edit}. */
    public static void editManifest(Path folder, Consumer<ObjectNode> edit) {
        Path file = folder.resolve(ArtifactFolder.MANIFEST_FILE);
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readString(file));
            edit.accept(manifest);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a version folder. */
    public static void remove(Path versionFolder) {
        FixtureModels.delete(versionFolder);
    }
}
