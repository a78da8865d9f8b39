package io.offlinestore.backend.mapdb;

import io.offlinestore.ConfigurationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Where a store's files live under its directory:
 * <ul>
 * <li>{@code <databaseName>.mapdb}, the MapDB store file;</li>
 * <li>{@code <databaseName>.mapdb.journal}, its redo journal, present while the store is open
 *     or after a crash;</li>
 * <li>{@code <databaseName>.mapdb.new} (and its journal) while a store file is being created or
 *     compacted; it replaces the store file by an atomic rename once complete, and a leftover one
 *     (from a crash) is deleted at the next open.</li>
 * </ul>
 * The {@link io.offlinestore.spi.DirectoryLock} file {@code .lock} sits beside them.
 *
 * @param directory    the store directory
 * @param databaseName the store's name, the stem of its file names
 */
record StoreFiles(Path directory, String databaseName) {
    private static final String STORE_SUFFIX = ".mapdb";
    private static final String JOURNAL_SUFFIX = ".journal";
    private static final String NEW_SUFFIX = ".new";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,199}");

    /**
     * @throws ConfigurationException if the database name cannot serve as a file name
     */
    StoreFiles {
        if (!FILE_NAME.matcher(databaseName).matches()) {
            throw new ConfigurationException("database name '" + databaseName + "' cannot name the mapdb backend's files: "
                    + "use letters, digits, '_', '-' and '.', not first");
        }
    }

    /** The store file. */
    Path store() {
        return directory.resolve(databaseName + STORE_SUFFIX);
    }

    /** The store file being built, before it replaces {@link #store()}. */
    Path fresh() {
        return directory.resolve(databaseName + STORE_SUFFIX + NEW_SUFFIX);
    }

    /** The journal of a store file. */
    static Path journalOf(Path storeFile) {
        return storeFile.resolveSibling(storeFile.getFileName() + JOURNAL_SUFFIX);
    }

    /** Deletes what a crash during creation or compaction left behind. */
    void removeLeftovers() throws IOException {
        Files.deleteIfExists(journalOf(fresh()));
        Files.deleteIfExists(fresh());
    }

    /** Makes the complete, closed {@link #fresh()} file the store file, atomically. */
    void install() throws IOException {
        Files.move(fresh(), store(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /** Makes the rename durable where the platform allows opening a directory (not on Windows). */
    private void forceDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (Files.isDirectory(directory) && System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }
}
