package io.offlinestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory for one store, deleted with everything in it on {@link #close()}. Created
 * under the directory named by the system property {@value #PARENT_PROPERTY} (to measure another
 * disk), else under {@code java.io.tmpdir}.
 */
public final class TempDirectory implements AutoCloseable {
    /** The system property naming the parent directory of the stores. */
    public static final String PARENT_PROPERTY = "offline.bench.dir";

    private final Path path;

    private TempDirectory(Path path) {
        this.path = path;
    }

    /** Creates a new empty directory whose name starts with {@code prefix}. */
    public static TempDirectory create(String prefix) {
        try {
            Path parent = parent();
            Files.createDirectories(parent);
            return new TempDirectory(Files.createTempDirectory(parent, "offline-bench-" + prefix + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where stores are created. */
    static Path parent() {
        return Paths.get(System.getProperty(PARENT_PROPERTY, System.getProperty("java.io.tmpdir")));
    }

    public Path path() {
        return path;
    }

    /** Deletes the directory and its contents. */
    @Override
    public void close() {
        delete(path);
    }

    /** Deletes a directory and its contents, if it exists. */
    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
