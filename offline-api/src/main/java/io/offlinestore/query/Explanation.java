package io.offlinestore.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the store will run a query, as returned by {@code explain}: which access path (id
 * lookups or id ranges, an index scan over key ranges, or a full scan), the filter left to check on each
 * fetched document, and whether sort and limit are served by the index order.
 *
 * @param collection     the collection queried
 * @param sort           the requested sort keys (empty: id order)
 * @param limit          the requested limit, if any
 * @param access         {@code PRIMARY_KEY}, {@code INDEX_SCAN} or {@code FULL_SCAN}
 * @param index          the index used, when one is
 * @param keyRanges      the scanned ranges of index (or id) values, readable
 * @param reverse        whether the scan walks keys in descending order
 * @param residual       the part of the filter not answered by the key ranges
 * @param sortFromIndex  whether results come in the requested order without sorting
 * @param limitPushdown  whether the scan stops as soon as offset + limit results are found
 * @param candidates     the indexes considered, with the reason each was or was not chosen
 */
public record Explanation(String collection, List<SortKey> sort, OptionalInt limit, Access access,
                          Optional<String> index, List<String> keyRanges,
                          boolean reverse, Filter residual, boolean sortFromIndex, boolean limitPushdown,
                          List<String> candidates) {

    /** The access path of a plan. */
    public enum Access {
        /** Point lookups or ranges of document ids. */
        PRIMARY_KEY,
        /** Ranges of a secondary index, fetching each document found. */
        INDEX_SCAN,
        /** Every document of the collection. */
        FULL_SCAN
    }

    public Explanation {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(access, "access");
        sort = List.copyOf(sort);
        keyRanges = List.copyOf(keyRanges);
        candidates = List.copyOf(candidates);
    }

    /** A multi-line description for people. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("collection: ").append(collection).append('\n');
        text.append("access:     ").append(switch (access) {
            case PRIMARY_KEY -> "primary key (document ids)";
            case INDEX_SCAN -> "index scan on '" + index.orElse("?") + "'";
            case FULL_SCAN -> "full scan";
        }).append(reverse ? " (reverse)" : "").append('\n');
        if (!keyRanges.isEmpty()) {
            text.append("ranges:     ").append(String.join(" ∪ ", keyRanges)).append('\n');
        }
        text.append("residual:   ").append(residual instanceof Filter.MatchAll ? "none" : residual.toString()).append('\n');
        text.append("order:      ").append(sort.isEmpty() ? "by id (no sort requested)" : sort.toString())
                .append(sortFromIndex ? ", as the scan yields it" : ", sorted in memory").append('\n');
        text.append("limit:      ").append(limit.isEmpty() ? "none" : limit.getAsInt()
                + (limitPushdown ? ", the scan stops early" : ", the best " + limit.getAsInt() + " kept while scanning"));
        for (String candidate : candidates) {
            text.append('\n').append("considered: ").append(candidate);
        }
        return text.toString();
    }
}
