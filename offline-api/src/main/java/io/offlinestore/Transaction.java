package io.offlinestore;

/**
 * A unit of work over one or more collections, committed atomically: all its writes (documents,
 * index entries, change records) are applied as one backend batch, or none are. It reads its own
 * writes and committed data. Commit is optimistic: if another commit changed a document this
 * transaction read or wrote after it did so, {@link #commit()} applies nothing and throws
 * {@link TransactionConflictException}. Queries see committed data plus the transaction's own
 * writes but are not protected against documents that start to match after they ran (no
 * phantom protection). Not thread-safe: one thread uses a transaction at a time.
 */
public interface Transaction extends AutoCloseable {

    /** The transaction's id, recorded on every change it commits. */
    String id();

    /**
     * The collection as this transaction sees it: the operations of a {@link DocumentCollection},
     * buffered until commit. Index changes ({@code createIndex}, {@code dropIndex}) are not
     * transactional and are refused here.
     *
     * @throws IllegalArgumentException if the transaction was begun for other collections
     */
    DocumentCollection collection(String name);

    /**
     * Applies every write of the transaction atomically.
     *
     * @throws TransactionConflictException if another commit changed a document it read or wrote
     * @throws IllegalStateException if the transaction was already committed or rolled back
     */
    void commit();

    /** Discards every write of the transaction. */
    void rollback();

    /** Whether the transaction can still be used (neither committed nor rolled back). */
    boolean isActive();

    /** Rolls back the transaction if it is still active. */
    @Override
    void close();
}
