package io.offlinestore.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The writes of one atomic commit, across any number of keyspaces, in the order they apply.
 * Built by the engine and handed to {@link StorageBackend#apply}; not thread-safe. Arrays
 * passed to {@link #put} and {@link #delete} are copied; the arrays an operation returns are
 * the batch's own, which a backend reads but must neither change nor keep after {@code apply}
 * returns (it copies what it stores).
 */
public final class WriteBatch {
    private final List<Operation> operations = new ArrayList<>();
    private long bytes;

    /** One write of a batch. */
    public sealed interface Operation {
        String keyspace();

        byte[] key();
    }

    /**
     * Stores {@code value} under {@code key}, replacing any value there.
     *
     * @param fresh whether the writer knows the key holds no value (see {@link #insert}); a hint
     *              that changes nothing of the result
     */
    public record Put(String keyspace, byte[] key, byte[] value, boolean fresh) implements Operation {
        /** A put with no hint. */
        public Put(String keyspace, byte[] key, byte[] value) {
            this(keyspace, key, value, false);
        }
    }

    /** Removes the entry under {@code key}, if there is one. */
    public record Delete(String keyspace, byte[] key) implements Operation {
    }

    public WriteBatch put(String keyspace, byte[] key, byte[] value) {
        return add(keyspace, key, value, false);
    }

    /**
     * A {@link #put} of a key the caller knows holds no value yet: a document created under a
     * fresh id, a new index entry, a change-log append. The hint lets a backend write the entry
     * without first looking for one to replace (backend-derby inserts instead of merging); a
     * backend may ignore it. It never changes the result: should the key hold a value after all,
     * stored or put earlier in the batch, the batch replaces it as {@code put} does.
     */
    public WriteBatch insert(String keyspace, byte[] key, byte[] value) {
        return add(keyspace, key, value, true);
    }

    private WriteBatch add(String keyspace, byte[] key, byte[] value, boolean fresh) {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(value, "value");
        operations.add(new Put(keyspace, key.clone(), value.clone(), fresh));
        bytes += key.length + value.length;
        return this;
    }

    public WriteBatch delete(String keyspace, byte[] key) {
        Objects.requireNonNull(keyspace, "keyspace");
        operations.add(new Delete(keyspace, key.clone()));
        bytes += key.length;
        return this;
    }

    /** Appends every operation of another batch. */
    public WriteBatch addAll(WriteBatch other) {
        operations.addAll(other.operations);
        bytes += other.bytes;
        return this;
    }

    /** The operations, in order (a read-only view). */
    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    /** The keyspaces the batch writes to, each once, in the order they first appear. */
    public Set<String> keyspaces() {
        Set<String> keyspaces = new LinkedHashSet<>();
        operations.forEach(operation -> keyspaces.add(operation.keyspace()));
        return Collections.unmodifiableSet(keyspaces);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public int size() {
        return operations.size();
    }

    /** Total bytes of keys and values, a measure for limits and progress. */
    public long sizeInBytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "WriteBatch{" + operations.size() + " operations, " + bytes + " bytes}";
    }
}
