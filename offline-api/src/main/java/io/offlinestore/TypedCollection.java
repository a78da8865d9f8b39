package io.offlinestore;

import io.offlinestore.query.Filter;
import io.offlinestore.query.Query;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A collection whose documents are mapped to and from a Java type with Jackson. It has the
 * same guarantees as the {@link DocumentCollection} it wraps, reachable through
 * {@link #documents()}.
 *
 * @param <T> the mapped type
 */
public interface TypedCollection<T> {

    /** The untyped view of the same collection. */
    DocumentCollection documents();

    T create(T value);

    Optional<T> get(Object id);

    T update(T value);

    T put(T value);

    boolean delete(Object id);

    List<T> createBatch(List<T> values);

    List<T> query(Query query);

    /** A lazy stream of matching values; close it to release the cursor. */
    Stream<T> stream(Query query);

    long count(Filter filter);
}
