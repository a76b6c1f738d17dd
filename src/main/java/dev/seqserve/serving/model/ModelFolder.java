package dev.seqserve.serving.model;

import dev.seqserve.artifact.ArtifactException;
import dev.seqserve.artifact.ArtifactFolder;
import dev.seqserve.artifact.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The versions in one model's folder: the folder itself when it holds {@code manifest.json} (today's
 * one-artifact layout, named by the manifest's {@code version}), and every sub-folder not starting with
 * a dot (one version each, named by the folder). Scanning reads only each manifest's {@code version}
 * and {@code created}, to rank the versions; loading verifies everything through
 * {@link ArtifactFolder#open}.
 */
final class ModelFolder {


    private ModelFolder() {}

    /** The versions found, oldest first ({@link VersionOnDisk#AGE}). */
    static List<VersionOnDisk> scan(Path modelFolder) {
        String model = modelFolder.getFileName().toString();
        List<VersionOnDisk> versions = new ArrayList<>();
        if (Files.isRegularFile(modelFolder.resolve(ArtifactFolder.MANIFEST_FILE))) {
            versions.add(read(model, null, modelFolder));
        }
        Set<String> names = new HashSet<>();
        versions.forEach(v -> names.add(v.version()));
        for (Path sub : subFolders(modelFolder)) {
            VersionOnDisk version = read(model, sub.getFileName().toString(), sub);
            if (!names.add(version.version())) {
                version = new VersionOnDisk(model, version.version(), sub, null, version.fingerprint(),
                        new ArtifactException(sub, ArtifactFolder.MANIFEST_FILE,
                                "the model folder's own manifest has the same version"));
            }
            versions.add(version);
        }
        versions.sort(VersionOnDisk.AGE);
        return versions;
    }

    /** One fingerprint for the whole folder: it changes when a version appears, goes or changes. */
    static String fingerprint(List<VersionOnDisk> versions) {
        StringBuilder all = new StringBuilder();
        versions.forEach(v -> all.append(v.version()).append('{').append(v.fingerprint()).append('}'));
        return all.toString();
    }

    private static VersionOnDisk read(String model, String folderName, Path folder) {
        String fingerprint = fingerprintOf(folder);
        try {
            Manifest manifest = ArtifactFolder.readManifest(folder);
            String version = manifest.version() == null ? "" : manifest.version();
            if (!version.isBlank()) {
                return new VersionOnDisk(model, folderName != null ? folderName : version, folder,
                        created(manifest.created()), fingerprint, null);
            }
        } catch (ArtifactException e) {
            // the canonical reason comes from ArtifactFolder.open below
        }
        return new VersionOnDisk(model, folderName != null ? folderName : "unknown", folder, null, fingerprint,
                whyUnreadable(folder));
    }

    /** An unparseable {@code created} ranks oldest: nothing says the version is new. */
    private static Instant created(String created) {
        try {
            return Instant.parse(created == null ? "" : created);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    private static ArtifactException whyUnreadable(Path folder) {
        try {
            ArtifactFolder.open(folder);
            return new ArtifactException(folder, ArtifactFolder.MANIFEST_FILE, "names no version");
        } catch (ArtifactException e) {
            return e;
        }
    }

    private static List<Path> subFolders(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String fingerprintOf(Path folder) {
        StringBuilder print = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                print.append(file.getFileName()).append(':').append(attributes.size()).append(':')
                        .append(attributes.lastModifiedTime().toMillis()).append(';');
            }
        } catch (IOException e) {
            print.append("unlistable:").append(e.getClass().getSimpleName());
        }
        return print.toString();
    }
}
