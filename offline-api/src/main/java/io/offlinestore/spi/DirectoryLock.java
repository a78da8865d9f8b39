package io.offlinestore.spi;

import io.offlinestore.ConfigurationException;
import io.offlinestore.StorageException;
import io.offlinestore.StoreLockedException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a store directory, held through an operating-system lock on a
 * {@code .lock} file inside it, for backends that declare
 * {@link Capability#EXCLUSIVE_PROCESS_LOCK}. The OS releases it when the process dies, so a
 * killed process never leaves a stale lock behind.
 */
public final class DirectoryLock implements AutoCloseable {
    /** The lock file's name inside the store directory. */
    public static final String FILE_NAME = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code directory}, creating the directory if needed; fails at once if it
     * is held.
     *
     * @throws StoreLockedException if another process or another open backend holds it
     * @throws ConfigurationException if the path, or a parent of it, is a file
     * @throws StorageException if the directory or lock file cannot be created
     */
    public static DirectoryLock acquire(Path directory) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigurationException("store path " + directory + " is a file, not a directory: "
                    + "give the path of a directory (it is created if missing)");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StoreLockedException(directory);
            }
            return new DirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StoreLockedException(directory);
        } catch (FileAlreadyExistsException e) {
            closeQuietly(channel);
            throw new ConfigurationException("store path " + directory + " cannot be created: " + e.getFile()
                    + " is a file, not a directory", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("cannot lock store directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock attempt already failed; that error is the one to report
            }
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StorageException("cannot release store lock: " + e.getMessage(), e);
        }
    }
}
