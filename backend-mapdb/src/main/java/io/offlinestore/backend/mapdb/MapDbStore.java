package io.offlinestore.backend.mapdb;

import io.offlinestore.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.StoreWAL;

/**
 * One open store file: MapDB's transactional {@link StoreWAL} on a {@link JournalingVolumeFactory},
 * the {@link DB} over it and the {@link KeyspaceCatalog}. Built by hand rather than with
 * {@code DBMaker}, which offers no way to choose the volumes. Not synchronised: the backend
 * serialises writes and excludes them from reads.
 */
final class MapDbStore implements AutoCloseable {
    private final DB db;
    private final JournaledVolume volume;
    private final KeyspaceCatalog catalog;

    private MapDbStore(DB db, JournaledVolume volume, KeyspaceCatalog catalog) {
        this.db = db;
        this.volume = volume;
        this.catalog = catalog;
    }

    /**
     * Opens an existing store file, first replaying its journal if a crash left one.
     *
     * @param durable whether each commit is forced to disk before it returns
     * @param mmap    whether the file is memory-mapped
     * @throws StorageException if the file is missing, damaged or not an Offline Store file
     */
    static MapDbStore open(Path file, boolean durable, boolean mmap) {
        if (!Files.isRegularFile(file)) {
            throw new StorageException("the MapDB store file " + file + " does not exist");
        }
        return start(file, durable, mmap, true);
    }

    /** Creates a store file with an empty keyspace registry, committed. */
    static MapDbStore create(Path file, boolean durable, boolean mmap) {
        return start(file, durable, mmap, false);
    }

    private static MapDbStore start(Path file, boolean durable, boolean mmap, boolean existing) {
        StoreWAL store = null;
        try {
            Path journal = StoreFiles.journalOf(file);
            Journal.recover(journal, file);
            JournalingVolumeFactory volumes = new JournalingVolumeFactory(file, journal, durable, mmap);
            store = StoreWAL.make(file.toString(), volumes, 0L, true, CC.STORE_DIRECT_CONC_SHIFT, CC.PAGE_SIZE, 0L,
                    false, false, false, true, false);
            DB db = new DB(store, existing, true, MapDbStore.class.getClassLoader(), 0);
            if (!existing) {
                KeyspaceCatalog.initialize(db);
                db.commit();
            }
            return new MapDbStore(db, volumes.storeVolume(), KeyspaceCatalog.open(db));
        } catch (IOException | RuntimeException e) {
            if (store != null) {
                try {
                    store.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new StorageException("cannot open the MapDB store " + file + ": " + e.getMessage(), e);
        }
    }

    KeyspaceCatalog catalog() {
        return catalog;
    }

    /** Commits the transaction under way: durable when this returns if the store is. */
    void commit() {
        db.commit();
    }

    /** Forgets the transaction under way. */
    void rollback() {
        db.rollback();
    }

    /** Forces to disk the commits that a relaxed store still holds back: between transactions only. */
    void flush() {
        volume.flush();
    }

    /** Closes the store; its last commits are forced to disk first. */
    @Override
    public void close() {
        db.close();
    }
}
