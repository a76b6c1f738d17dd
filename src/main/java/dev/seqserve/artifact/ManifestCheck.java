package dev.seqserve.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that a manifest is complete and that the files it names are the files on disk. */
final class ManifestCheck {

    private ManifestCheck() {}

    static void verify(Path folder, Manifest m) {
        String mf = ArtifactFolder.MANIFEST_FILE;
        require(folder, mf, m.formatVersion() == Manifest.FORMAT_VERSION
                        || m.formatVersion() == Manifest.LEGACY_FORMAT_VERSION,
                "format version " + m.formatVersion() + " is not one of the supported " + Manifest.LEGACY_FORMAT_VERSION
                        + " and " + Manifest.FORMAT_VERSION);
        require(folder, mf, notBlank(m.name()), "has no name");
        require(folder, mf, m.task() != null, "has no task");
        require(folder, mf, notBlank(m.version()), "has no version");
        require(folder, mf, m.onnx() != null && notBlank(m.onnx().file()) && notBlank(m.onnx().sha256()),
                "has no onnx file and sha256");
        require(folder, mf, m.onnx().inputs() != null && !m.onnx().inputs().isEmpty(), "names no onnx inputs");
        require(folder, mf, m.onnx().outputs() != null && !m.onnx().outputs().isEmpty(), "names no onnx outputs");
        switch (m.task()) {
            case SENTIMENT -> verifyText(folder, m);
            case FORECAST -> verifySeries(folder, m);
        }
        verifyModelFile(folder, m);
        verifySupportFiles(folder, m);
    }

    /** Format 2: every file serving reads is checksummed, and every checksummed file is what it says. */
    private static void verifySupportFiles(Path folder, Manifest m) {
        if (m.formatVersion() == Manifest.LEGACY_FORMAT_VERSION) {
            return;
        }
        for (String needed : m.supportFiles()) {
            require(folder, ArtifactFolder.MANIFEST_FILE, m.checksumOf(needed).isPresent(),
                    "has no SHA-256 for " + needed + " in \"files\"");
        }
        for (Manifest.FileChecksum entry : m.files()) {
            require(folder, ArtifactFolder.MANIFEST_FILE, notBlank(entry.file()) && notBlank(entry.sha256()),
                    "has a \"files\" entry without a file name and sha256");
            Path path = folder.resolve(entry.file()).normalize();
            require(folder, ArtifactFolder.MANIFEST_FILE, path.getParent() != null && path.getParent().equals(folder.normalize()),
                    "names a file outside its folder: " + entry.file());
            require(folder, entry.file(), Files.isRegularFile(path), "missing");
            String actual = Checksums.sha256(path);
            require(folder, entry.file(), actual.equalsIgnoreCase(entry.sha256()),
                    "SHA-256 is " + actual + " but the manifest says " + entry.sha256());
        }
    }

    private static void verifyText(Path folder, Manifest m) {
        String mf = ArtifactFolder.MANIFEST_FILE;
        Manifest.TextPreprocessing t = m.text();
        require(folder, mf, t != null, "a sentiment model needs a \"text\" section");
        require(folder, mf, notBlank(t.vocabularyFile()), "names no vocabulary file");
        require(folder, mf, t.maxLength() >= 1, "maxLength must be at least 1");
        require(folder, mf, t.truncation() != null, "has no truncation side");
        Path vocab = folder.resolve(t.vocabularyFile());
        require(folder, t.vocabularyFile(), Files.isRegularFile(vocab), "missing");
        long lines;
        try (var stream = Files.lines(vocab)) {
            lines = stream.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ArtifactException(folder, t.vocabularyFile(), "cannot be read: " + e.getMessage(), e);
        }
        require(folder, t.vocabularyFile(), lines == t.vocabularySize(),
                "has " + lines + " tokens but the manifest says " + t.vocabularySize());
        require(folder, mf, t.padId() >= 0 && t.padId() < lines && t.oovId() >= 0 && t.oovId() < lines,
                "padId and oovId must be ids in the vocabulary");
    }

    private static void verifySeries(Path folder, Manifest m) {
        String mf = ArtifactFolder.MANIFEST_FILE;
        Manifest.SeriesPreprocessing s = m.series();
        require(folder, mf, s != null, "a forecast model needs a \"series\" section");
        require(folder, mf, s.window() >= 1, "window must be at least 1");
        require(folder, mf, s.maxHorizon() >= 1, "maxHorizon must be at least 1");
        require(folder, mf, s.scaler() != null, "has no scaler");
    }

    private static void verifyModelFile(Path folder, Manifest m) {
        String file = m.onnx().file();
        Path path = folder.resolve(file);
        require(folder, file, Files.isRegularFile(path), "missing");
        String actual = Checksums.sha256(path);
        require(folder, file, actual.equalsIgnoreCase(m.onnx().sha256()),
                "SHA-256 is " + actual + " but the manifest says " + m.onnx().sha256());
    }

    private static void require(Path folder, String file, boolean condition, String reason) {
        if (!condition) {
            throw new ArtifactException(folder, file, reason);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
