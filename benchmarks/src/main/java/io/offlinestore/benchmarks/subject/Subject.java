package io.offlinestore.benchmarks.subject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A store under measurement, holding the generator's documents in one collection with a
 * secondary index on {@code group}. Each write method is one durable commit (for a persistent
 * store). Documents are first converted into the store's own form with {@link #prepare}, outside
 * the measurement, as an application would build them; whatever the store does from there
 * (encoding, indexing, writing) is measured. Reads return documents decoded into the store's own
 * form.
 */
public interface Subject extends AutoCloseable {

    /** The document in this store's own form, for the write methods. */
    Object prepare(ObjectNode document);

    /** Stores prepared documents (all new) in one commit. */
    void insertAll(List<Object> documents);

    /** Stores one prepared document (new) in one commit. */
    void insertOne(Object document);

    /** The document with this id; fails if there is none. */
    Object get(long id);

    /** The documents whose {@code group} equals the value, through the index. */
    List<?> findByGroup(int group);

    /** The first {@code limit} documents with {@code group >= from}, in {@code group} order, through the index. */
    List<?> findGroupsFrom(int from, int limit);

    /** The documents whose unindexed {@code status} equals the value: a full scan with a filter. */
    List<?> scanByStatus(String status);

    /**
     * Closes the store and opens it again, so that the next reads find no cache of the store's
     * own warm (the operating system's file cache stays warm).
     *
     * @throws UnsupportedOperationException if the store keeps nothing across a reopen
     */
    void reopen();

    /** Closes the store; its files are the caller's to delete. */
    @Override
    void close();
}
