package io.offlinestore.query;

import io.offlinestore.QueryException;
import io.offlinestore.query.internal.FilterParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An immutable query: a filter, sort keys, an offset, a limit and relationships to include. Each builder method returns
 * a new query: {@code Query.filter(f).sort("name", Direction.ASC).limit(10)}. Results with
 * equal sort keys come in id order, so paging with offset and limit is stable.
 */
public final class Query {
    private static final Query ALL = new Query(Filters.all(), List.of(), 0, -1, List.of());

    private final Filter filter;
    private final List<SortKey> sort;
    private final int offset;
    private final int limit;
    private final List<String> include;

    private Query(Filter filter, List<SortKey> sort, int offset, int limit, List<String> include) {
        this.filter = filter;
        this.sort = List.copyOf(sort);
        this.offset = offset;
        this.limit = limit;
        this.include = List.copyOf(include);
    }

    /** Every document, in id order. */
    public static Query all() {
        return ALL;
    }

    /** The documents matching a filter. */
    public static Query filter(Filter filter) {
        return new Query(Objects.requireNonNull(filter, "filter"), List.of(), 0, -1, List.of());
    }

    /**
     * Parses the JSON form
     * {@code {"filters":{...},"sort":[{"field":"name","direction":"asc"}],"limit":10,"offset":0}}.
     *
     * @throws QueryException naming the offending clause
     */
    public static Query parse(String json) {
        return FilterParser.parseQuery(json);
    }

    /** This query with another filter. */
    public Query where(Filter newFilter) {
        return new Query(Objects.requireNonNull(newFilter, "filter"), sort, offset, limit, include);
    }

    /** This query with one more sort key, applied after the existing ones. */
    public Query sort(String field, Direction direction) {
        FilterParser.checkPath(field, "sort");
        List<SortKey> keys = new ArrayList<>(sort);
        keys.add(new SortKey(field, direction));
        return new Query(filter, keys, offset, limit, include);
    }

    /** This query returning at most {@code limit} documents. */
    public Query limit(int newLimit) {
        if (newLimit < 0) {
            throw new QueryException("limit", "limit must not be negative, got " + newLimit);
        }
        return new Query(filter, sort, offset, newLimit, include);
    }

    /** This query skipping the first {@code offset} matching documents. */
    public Query offset(int newOffset) {
        if (newOffset < 0) {
            throw new QueryException("offset", "offset must not be negative, got " + newOffset);
        }
        return new Query(filter, sort, newOffset, limit, include);
    }

    /**
     * This query also loading related documents: each path names a relationship of the queried
     * collection, or of a related one after a dot ({@code "items.product"}). Related documents
     * appear in each result under the relationship's name.
     */
    public Query include(String... paths) {
        List<String> all = new ArrayList<>(include);
        for (String path : paths) {
            FilterParser.checkPath(path, "include");
            if (!all.contains(path)) {
                all.add(path);
            }
        }
        return new Query(filter, sort, offset, limit, all);
    }

    /** The relationship paths to load with each result. */
    public List<String> include() {
        return include;
    }

    public Filter filter() {
        return filter;
    }

    public List<SortKey> sort() {
        return sort;
    }

    public int offset() {
        return offset;
    }

    /** The limit, or empty when unlimited. */
    public OptionalInt limit() {
        return limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Query q && filter.equals(q.filter) && sort.equals(q.sort)
                && offset == q.offset && limit == q.limit && include.equals(q.include);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filter, sort, offset, limit, include);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("filter ").append(filter);
        if (!sort.isEmpty()) {
            text.append(" sort ").append(sort);
        }
        if (offset > 0) {
            text.append(" offset ").append(offset);
        }
        if (limit >= 0) {
            text.append(" limit ").append(limit);
        }
        if (!include.isEmpty()) {
            text.append(" include ").append(include);
        }
        return text.toString();
    }
}
