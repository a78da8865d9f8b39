package io.offlinestore.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offlinestore.engine.codec.StoredRecord;
import io.offlinestore.engine.plan.CollectionQuery;
import io.offlinestore.engine.tx.Commit;
import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where a collection's reads come from and its writes go, chosen once when the collection is
 * made: the committed data, each write a commit of its own ({@link CommittedSource}), or a
 * transaction's buffered commit and its view ({@link TransactionSource}).
 */
interface DocumentSource {

    /** The stored record of the document with the caller's id as this source sees it. */
    Optional<StoredRecord> read(CollectionQuery collection, Object id);

    /** The documents matching the caller's query, in its order and page, opened; close the stream. */
    Stream<ObjectNode> documents(CollectionQuery collection, Query query);

    /** How many documents match the filter. */
    long count(CollectionQuery collection, Filter filter);

    /** How many documents the collection holds. */
    long count(CollectionQuery collection);

    /** Whether this source is a transaction's (schema changes are refused there). */
    boolean inTransaction();

    /** Runs a write against the commit this source writes to. */
    <R> R write(Function<Commit, R> work);
}
