package io.offlinestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bytes on disk of each persistent store holding the generator's 100,000 documents, loaded in
 * batches of {@value StoreFixture#BATCH} as the bulk-insert benchmark loads them, measured after the
 * store is closed. Not a timing, so not a JMH benchmark: run it with
 * {@code java -cp benchmarks/target/benchmarks.jar io.offlinestore.benchmarks.FileSizeReport [store...]}.
 */
public final class FileSizeReport {
    private static final List<String> STORES = List.of("mapdb", "derby", "h2", "raw-mapdb", "raw-derby", "raw-mvstore", "nitrite");

    private FileSizeReport() {
    }

    public static void main(String[] args) {
        List<String> stores = args.length == 0 ? STORES : List.of(args);
        System.out.printf("%-12s %14s %10s%n", "store", "bytes", "MB");
        for (String store : stores) {
            try (TempDirectory directory = TempDirectory.create(store)) {
                try (StoreFixture fixture = StoreFixture.in(directory, store)) {
                    fixture.load(BulkInsertBenchmark.DOCUMENTS);
                }
                long bytes = size(directory.path());
                System.out.printf("%-12s %,14d %10.1f%n", store, bytes, bytes / 1e6);
            }
        }
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
