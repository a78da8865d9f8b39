package io.offlinestore;

import java.nio.file.Path;

/**
 * Another process (or another open store in this one) holds the store at this path. Only one
 * may have it open at a time; the data is untouched.
 */
public class StoreLockedException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public StoreLockedException(Path path) {
        super("the store at " + path + " is open in another process (or another store in this one); "
                + "close it there first, or open a copy");
        this.path = path;
    }

    /** The store directory that is locked. */
    public Path path() {
        return path;
    }
}
