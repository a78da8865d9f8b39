package io.offlinestore;

import java.time.Duration;

/**
 * A transaction read or wrote a document that another commit changed after it was read; the
 * transaction was not applied. Retrying it (as {@link OfflineStore#inTransaction} does) usually
 * succeeds.
 */
public class TransactionConflictException extends OfflineStoreException {
    private static final long serialVersionUID = 1L;

    private final String collection;
    private final transient Object id;
    private final int attempts;
    private final Duration elapsed;

    public TransactionConflictException(String collection, Object id) {
        super("transaction conflict: document " + (id instanceof String ? "'" + id + "'" : String.valueOf(id))
                + " in collection '" + collection + "' was changed by another commit after this transaction read it");
        this.collection = collection;
        this.id = id;
        this.attempts = 1;
        this.elapsed = Duration.ZERO;
    }

    /**
     * A retried block gave up: {@code attempts} runs over {@code elapsed} all met conflicts, the
     * last of them {@code last}.
     */
    public TransactionConflictException(TransactionConflictException last, int attempts, Duration elapsed) {
        super("transaction gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " over "
                + elapsed.toMillis() + " ms, each meeting a conflict; the last: " + last.getMessage(), last);
        this.collection = last.collection;
        this.id = last.id;
        this.attempts = attempts;
        this.elapsed = elapsed;
    }

    /** How many times the block ran before this was thrown (1 for a single commit). */
    public int attempts() {
        return attempts;
    }

    /** How long the attempts took, from the first start to giving up (zero for a single commit). */
    public Duration elapsed() {
        return elapsed;
    }

    /** The collection of the conflicting document. */
    public String collection() {
        return collection;
    }

    /** The id of the conflicting document. */
    public Object id() {
        return id;
    }
}
