package io.offlinestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Loaded stores kept for the length of one JMH run, so that the read benchmarks (one forked JVM
 * per method and store) load each store once and then start from a copy of it. A snapshot lives
 * in a directory named after the JMH process that forked this JVM; snapshots of runs whose
 * process is gone are deleted when the next run makes its first one.
 */
final class Snapshots {
    private static final String PREFIX = "offline-bench-snapshots-";
    private static final String COMPLETE = ".complete";

    private Snapshots() {
    }

    /**
     * A fresh copy of the snapshot named {@code name}, made first by {@code build} (which fills the
     * directory it is given and leaves nothing open in it) if this run has none yet.
     */
    static TempDirectory copyOf(String name, Consumer<Path> build) {
        Path snapshot = runDirectory().resolve(name);
        if (!Files.exists(snapshot.resolve(COMPLETE))) {
            deleteStaleRuns();
            TempDirectory building = TempDirectory.create("snapshot-" + name);
            build.accept(building.path());
            try {
                Files.createDirectories(snapshot.getParent());
                Files.move(building.path(), snapshot, StandardCopyOption.ATOMIC_MOVE);
                Files.createFile(snapshot.resolve(COMPLETE));
            } catch (IOException e) {
                building.close();
                throw new UncheckedIOException(e);
            }
        }
        TempDirectory copy = TempDirectory.create(name);
        copyTree(snapshot, copy.path());
        return copy;
    }

    private static Path runDirectory() {
        long host = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        return TempDirectory.parent().resolve(PREFIX + host);
    }

    private static void deleteStaleRuns() {
        try (Stream<Path> runs = Files.list(TempDirectory.parent())) {
            runs.filter(run -> run.getFileName().toString().startsWith(PREFIX))
                    .filter(run -> !alive(run.getFileName().toString().substring(PREFIX.length())))
                    .forEach(TempDirectory::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(COMPLETE)) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
