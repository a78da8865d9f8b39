package io.offlinestore.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ordered, transactional key-value store of named keyspaces: the whole contract a storage
 * backend implements. Keys and values are byte arrays; keys are ordered by unsigned
 * lexicographic comparison. Everything else (documents, indexes, change log, metadata) the
 * engine builds on top. Implementations must be safe for concurrent use by several threads;
 * the engine serialises writes, so {@link #apply} is never called concurrently with itself.
 *
 * <p>Reads and scans of a keyspace that does not exist fail with a
 * {@link io.offlinestore.StorageException}. Byte arrays passed in or returned are not retained
 * or changed after the call by either side.
 *
 * <p>After {@link #close}, every call but {@code close} throws a
 * {@link io.offlinestore.StorageException} saying the backend is closed. A cursor opened before
 * may still return entries it had already fetched; its next step that needs the backend throws
 * the same exception, and closing it stays safe. A backend that closed itself after a failure
 * (a commit that failed half-way) throws a {@code StorageException} carrying that failure.
 * {@link BackendGuard} gives all of this, with the locking, to implementations.
 */
public interface StorageBackend extends AutoCloseable {

    /** The optional guarantees this backend gives. */
    Set<Capability> capabilities();

    /** Creates a keyspace if it does not exist yet. Names follow {@link KeyspaceNames}. */
    void createKeyspace(String keyspace);

    /** Drops a keyspace and all its entries, if it exists. */
    void dropKeyspace(String keyspace);

    /** The names of the existing keyspaces. */
    Set<String> keyspaces();

    /** The value stored under the key, or {@code null} when there is none. */
    byte[] get(String keyspace, byte[] key);

    /**
     * The values stored under each of the keys, in the order of the keys, with {@code null} where
     * there is none: what calling {@link #get} for each key gives. The keys need not be sorted
     * or distinct. The engine calls it for the documents a page of index entries points to; the
     * default calls {@code get} per key, and a backend overrides it where one call for many keys
     * costs less (one SQL statement, one lock). The values are read while no batch is applied
     * only if the backend says so; the engine does not rely on it.
     */
    default List<byte[]> getAll(String keyspace, List<byte[]> keys) {
        List<byte[]> values = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            values.add(get(keyspace, key));
        }
        return values;
    }

    /**
     * The entries whose keys fall in the range, in ascending key order, or descending when
     * {@code reverse} is set. The caller closes the cursor.
     */
    KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse);

    /**
     * {@link #scan(String, KeyRange, boolean)} for a caller that expects to read about
     * {@code expected} entries (a query's offset + limit): a backend that reads ahead in pages
     * sizes its first page from it, so a short scan reads no more than it needs and a long one
     * starts with a large page. A hint only: the cursor still yields the whole range. The
     * default ignores it.
     */
    default KeyValueCursor scan(String keyspace, KeyRange range, boolean reverse, int expected) {
        return scan(keyspace, range, reverse);
    }

    /**
     * Applies every operation of the batch, in order, as one atomic step: after a crash either
     * all of them are visible or none, whatever the batch's size (a backend must not commit part
     * of a large batch on its own). When the backend is {@link Capability#DURABLE} and the
     * store's durability is {@code SYNC}, the batch survives a killed process, and a power cut,
     * once this returns. With {@code RELAXED} durability the last batches before a crash may be
     * lost, but each is still all or nothing: never half a batch. An operation on a keyspace
     * that does not exist, or with an invalid name, fails the whole batch before anything is
     * written.
     */
    void apply(WriteBatch batch);

    /** Entry counts and sizes per keyspace. */
    BackendStats stats();

    /** Reclaims space left by deleted entries, where the backend can. */
    void compact();

    /** Releases files, locks and memory. Further calls fail; a second close does nothing. */
    @Override
    void close();
}
